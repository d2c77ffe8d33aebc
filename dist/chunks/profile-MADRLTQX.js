import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  parseProfile
} from "./chunk-UXVYJC32.js";
import "./chunk-NEBND6ZB.js";
import "./chunk-6P6ZSRAO.js";
import "./chunk-6DG7BXTN.js";
export {
  parseProfile
};
