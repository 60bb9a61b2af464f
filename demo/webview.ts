// The demo webview: the shim first, then exactly what dist/webview.js contains.
import './vscode-shim.js';
import '../src/webview.js';
