import { expect } from '@open-wc/testing';
import '../../src/define.js';
import manifestJson from '../../custom-elements.json';

// The attributes custom-elements.json documents are the ones editors complete: each must be one the element
// observes, under that exact name, and set its property when written in HTML.
interface ManifestAttribute {
  name: string;
  fieldName?: string;
  type?: { text: string };
  default?: string;
  description?: string;
}
interface ManifestElement {
  tagName: string;
  attributes?: ManifestAttribute[];
}

const manifest = manifestJson as { modules: { declarations?: (ManifestElement & { customElement?: boolean })[] }[] };
const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.customElement);

/** A value to write for the attribute that is not its default: a documented `word` where there is one. */
function sample(attribute: ManifestAttribute): { text: string; value: unknown } {
  if (attribute.type?.text === 'boolean') return { text: '', value: true };
  if (attribute.type?.text === 'number') return { text: '4321', value: 4321 };
  const words = [...(attribute.description ?? '').matchAll(/`([a-z-]+)`/g)].map((match) => match[1]);
  const word = words.find((candidate) => `'${candidate}'` !== attribute.default) ?? 'sample text';
  return { text: word, value: word };
}

describe('documented attributes', () => {
  it('the manifest documents attributes of every element', () => {
    expect(elements.length).to.equal(5);
    expect(elements.flatMap((element) => element.attributes ?? []).length).to.be.greaterThan(10);
  });

  for (const element of elements) {
    for (const attribute of element.attributes ?? []) {
      it(`${element.tagName} [${attribute.name}] sets .${attribute.fieldName}`, () => {
        const observed = (customElements.get(element.tagName) as unknown as { observedAttributes: string[] }).observedAttributes;
        expect(observed, 'the element observes the documented name').to.include(attribute.name);
        const { text, value } = sample(attribute);
        const host = document.createElement('div');
        // Parsed as an embedder writes it in a page, so HTML's lower-casing applies as it would there.
        host.innerHTML = `<${element.tagName} ${attribute.name}="${text}"></${element.tagName}>`;
        const el = host.firstElementChild as unknown as Record<string, unknown>;
        expect(el[attribute.fieldName ?? ''], `${attribute.name}="${text}"`).to.equal(value);
      });
    }
  }
});
