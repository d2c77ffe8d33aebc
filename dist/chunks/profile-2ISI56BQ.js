import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  parseProfile
} from "./chunk-GEOVWJPS.js";
import "./chunk-ACOT7VGC.js";
import "./chunk-6P6ZSRAO.js";
import "./chunk-6DG7BXTN.js";
export {
  parseProfile
};
