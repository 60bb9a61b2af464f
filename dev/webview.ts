// The demo webview: the shim and VS Code's theme colours first, then exactly what dist/webview.js contains.
import './vscode-shim.js';
import './themes.js';
import '../src/webview.js';
