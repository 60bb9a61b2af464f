// Registers every element of the package.
import './components/telemetry-settings/define.js';
import './components/telemetry-events/define.js';
