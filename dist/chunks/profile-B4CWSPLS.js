import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  parseProfile
} from "./chunk-BRSK65JD.js";
import "./chunk-GIDY5VL4.js";
import "./chunk-6P6ZSRAO.js";
import "./chunk-6DG7BXTN.js";
export {
  parseProfile
};
