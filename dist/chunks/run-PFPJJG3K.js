import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  require_png
} from "./chunk-4FLL4CAG.js";
import {
  inputRoots,
  judgeRun,
  readInputText,
  skipAfterReading
} from "./chunk-NYWJORFZ.js";
import {
  codeBlock,
  createOctokit,
  escapeText,
  graphemeCount,
  html,
  image,
  link,
  linkOrText,
  raw,
  renderDocument,
  safeUrl,
  truncate
} from "./chunk-OSQAMF3S.js";
import "./chunk-EE5UHIU3.js";
import {
  explainGitHubError
} from "./chunk-YKE37VTB.js";
import {
  clean,
  cleanStrings,
  logLine
} from "./chunk-UOO3K7Q7.js";
import {
  build
} from "./chunk-55SM7S5S.js";
import {
  isPlistDict,
  parsePlistDict
} from "./chunk-GIDY5VL4.js";
import {
  isRecord
} from "./chunk-HX2S5KYY.js";
import {
  formatBytes,
  formatDate,
  formatMiB,
  formatUtc
} from "./chunk-MMFUUSFF.js";
import {
  checkDevices,
  deviceKey,
  parseDeviceList,
  recordedDeviceKeys
} from "./chunk-6XT4FEKW.js";
import {
  buildDir,
  buildIdSlug,
  channelDir,
  channelSlug,
  defaultBuildId,
  defaultChannel,
  ipaFileName,
  isSlug,
  sitePath,
  siteRoot,
  unlistedBuildId
} from "./chunk-KRAJ3KLH.js";
import {
  debug,
  group,
  info,
  notice,
  setOutput,
  summary,
  warning
} from "./chunk-P5LV7Z3P.js";
import {
  UserError,
  describeError
} from "./chunk-6P6ZSRAO.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-6DG7BXTN.js";

// node_modules/qrcode/lib/can-promise.js
var require_can_promise = __commonJS({
  "node_modules/qrcode/lib/can-promise.js"(exports, module) {
    module.exports = function() {
      return typeof Promise === "function" && Promise.prototype && Promise.prototype.then;
    };
  }
});

// node_modules/qrcode/lib/core/utils.js
var require_utils = __commonJS({
  "node_modules/qrcode/lib/core/utils.js"(exports) {
    var toSJISFunction;
    var CODEWORDS_COUNT = [
      0,
      // Not used
      26,
      44,
      70,
      100,
      134,
      172,
      196,
      242,
      292,
      346,
      404,
      466,
      532,
      581,
      655,
      733,
      815,
      901,
      991,
      1085,
      1156,
      1258,
      1364,
      1474,
      1588,
      1706,
      1828,
      1921,
      2051,
      2185,
      2323,
      2465,
      2611,
      2761,
      2876,
      3034,
      3196,
      3362,
      3532,
      3706
    ];
    exports.getSymbolSize = function getSymbolSize(version) {
      if (!version) throw new Error('"version" cannot be null or undefined');
      if (version < 1 || version > 40) throw new Error('"version" should be in range from 1 to 40');
      return version * 4 + 17;
    };
    exports.getSymbolTotalCodewords = function getSymbolTotalCodewords(version) {
      return CODEWORDS_COUNT[version];
    };
    exports.getBCHDigit = function(data) {
      let digit = 0;
      while (data !== 0) {
        digit++;
        data >>>= 1;
      }
      return digit;
    };
    exports.setToSJISFunction = function setToSJISFunction(f) {
      if (typeof f !== "function") {
        throw new Error('"toSJISFunc" is not a valid function.');
      }
      toSJISFunction = f;
    };
    exports.isKanjiModeEnabled = function() {
      return typeof toSJISFunction !== "undefined";
    };
    exports.toSJIS = function toSJIS(kanji) {
      return toSJISFunction(kanji);
    };
  }
});

// node_modules/qrcode/lib/core/error-correction-level.js
var require_error_correction_level = __commonJS({
  "node_modules/qrcode/lib/core/error-correction-level.js"(exports) {
    exports.L = { bit: 1 };
    exports.M = { bit: 0 };
    exports.Q = { bit: 3 };
    exports.H = { bit: 2 };
    function fromString(string) {
      if (typeof string !== "string") {
        throw new Error("Param is not a string");
      }
      const lcStr = string.toLowerCase();
      switch (lcStr) {
        case "l":
        case "low":
          return exports.L;
        case "m":
        case "medium":
          return exports.M;
        case "q":
        case "quartile":
          return exports.Q;
        case "h":
        case "high":
          return exports.H;
        default:
          throw new Error("Unknown EC Level: " + string);
      }
    }
    exports.isValid = function isValid(level) {
      return level && typeof level.bit !== "undefined" && level.bit >= 0 && level.bit < 4;
    };
    exports.from = function from(value, defaultValue) {
      if (exports.isValid(value)) {
        return value;
      }
      try {
        return fromString(value);
      } catch (e) {
        return defaultValue;
      }
    };
  }
});

// node_modules/qrcode/lib/core/bit-buffer.js
var require_bit_buffer = __commonJS({
  "node_modules/qrcode/lib/core/bit-buffer.js"(exports, module) {
    function BitBuffer() {
      this.buffer = [];
      this.length = 0;
    }
    BitBuffer.prototype = {
      get: function(index) {
        const bufIndex = Math.floor(index / 8);
        return (this.buffer[bufIndex] >>> 7 - index % 8 & 1) === 1;
      },
      put: function(num, length) {
        for (let i = 0; i < length; i++) {
          this.putBit((num >>> length - i - 1 & 1) === 1);
        }
      },
      getLengthInBits: function() {
        return this.length;
      },
      putBit: function(bit) {
        const bufIndex = Math.floor(this.length / 8);
        if (this.buffer.length <= bufIndex) {
          this.buffer.push(0);
        }
        if (bit) {
          this.buffer[bufIndex] |= 128 >>> this.length % 8;
        }
        this.length++;
      }
    };
    module.exports = BitBuffer;
  }
});

// node_modules/qrcode/lib/core/bit-matrix.js
var require_bit_matrix = __commonJS({
  "node_modules/qrcode/lib/core/bit-matrix.js"(exports, module) {
    function BitMatrix(size) {
      if (!size || size < 1) {
        throw new Error("BitMatrix size must be defined and greater than 0");
      }
      this.size = size;
      this.data = new Uint8Array(size * size);
      this.reservedBit = new Uint8Array(size * size);
    }
    BitMatrix.prototype.set = function(row2, col, value, reserved) {
      const index = row2 * this.size + col;
      this.data[index] = value;
      if (reserved) this.reservedBit[index] = true;
    };
    BitMatrix.prototype.get = function(row2, col) {
      return this.data[row2 * this.size + col];
    };
    BitMatrix.prototype.xor = function(row2, col, value) {
      this.data[row2 * this.size + col] ^= value;
    };
    BitMatrix.prototype.isReserved = function(row2, col) {
      return this.reservedBit[row2 * this.size + col];
    };
    module.exports = BitMatrix;
  }
});

// node_modules/qrcode/lib/core/alignment-pattern.js
var require_alignment_pattern = __commonJS({
  "node_modules/qrcode/lib/core/alignment-pattern.js"(exports) {
    var getSymbolSize = require_utils().getSymbolSize;
    exports.getRowColCoords = function getRowColCoords(version) {
      if (version === 1) return [];
      const posCount = Math.floor(version / 7) + 2;
      const size = getSymbolSize(version);
      const intervals = size === 145 ? 26 : Math.ceil((size - 13) / (2 * posCount - 2)) * 2;
      const positions = [size - 7];
      for (let i = 1; i < posCount - 1; i++) {
        positions[i] = positions[i - 1] - intervals;
      }
      positions.push(6);
      return positions.reverse();
    };
    exports.getPositions = function getPositions(version) {
      const coords = [];
      const pos = exports.getRowColCoords(version);
      const posLength = pos.length;
      for (let i = 0; i < posLength; i++) {
        for (let j = 0; j < posLength; j++) {
          if (i === 0 && j === 0 || // top-left
          i === 0 && j === posLength - 1 || // bottom-left
          i === posLength - 1 && j === 0) {
            continue;
          }
          coords.push([pos[i], pos[j]]);
        }
      }
      return coords;
    };
  }
});

// node_modules/qrcode/lib/core/finder-pattern.js
var require_finder_pattern = __commonJS({
  "node_modules/qrcode/lib/core/finder-pattern.js"(exports) {
    var getSymbolSize = require_utils().getSymbolSize;
    var FINDER_PATTERN_SIZE = 7;
    exports.getPositions = function getPositions(version) {
      const size = getSymbolSize(version);
      return [
        // top-left
        [0, 0],
        // top-right
        [size - FINDER_PATTERN_SIZE, 0],
        // bottom-left
        [0, size - FINDER_PATTERN_SIZE]
      ];
    };
  }
});

// node_modules/qrcode/lib/core/mask-pattern.js
var require_mask_pattern = __commonJS({
  "node_modules/qrcode/lib/core/mask-pattern.js"(exports) {
    exports.Patterns = {
      PATTERN000: 0,
      PATTERN001: 1,
      PATTERN010: 2,
      PATTERN011: 3,
      PATTERN100: 4,
      PATTERN101: 5,
      PATTERN110: 6,
      PATTERN111: 7
    };
    var PenaltyScores = {
      N1: 3,
      N2: 3,
      N3: 40,
      N4: 10
    };
    exports.isValid = function isValid(mask) {
      return mask != null && mask !== "" && !isNaN(mask) && mask >= 0 && mask <= 7;
    };
    exports.from = function from(value) {
      return exports.isValid(value) ? parseInt(value, 10) : void 0;
    };
    exports.getPenaltyN1 = function getPenaltyN1(data) {
      const size = data.size;
      let points = 0;
      let sameCountCol = 0;
      let sameCountRow = 0;
      let lastCol = null;
      let lastRow = null;
      for (let row2 = 0; row2 < size; row2++) {
        sameCountCol = sameCountRow = 0;
        lastCol = lastRow = null;
        for (let col = 0; col < size; col++) {
          let module2 = data.get(row2, col);
          if (module2 === lastCol) {
            sameCountCol++;
          } else {
            if (sameCountCol >= 5) points += PenaltyScores.N1 + (sameCountCol - 5);
            lastCol = module2;
            sameCountCol = 1;
          }
          module2 = data.get(col, row2);
          if (module2 === lastRow) {
            sameCountRow++;
          } else {
            if (sameCountRow >= 5) points += PenaltyScores.N1 + (sameCountRow - 5);
            lastRow = module2;
            sameCountRow = 1;
          }
        }
        if (sameCountCol >= 5) points += PenaltyScores.N1 + (sameCountCol - 5);
        if (sameCountRow >= 5) points += PenaltyScores.N1 + (sameCountRow - 5);
      }
      return points;
    };
    exports.getPenaltyN2 = function getPenaltyN2(data) {
      const size = data.size;
      let points = 0;
      for (let row2 = 0; row2 < size - 1; row2++) {
        for (let col = 0; col < size - 1; col++) {
          const last = data.get(row2, col) + data.get(row2, col + 1) + data.get(row2 + 1, col) + data.get(row2 + 1, col + 1);
          if (last === 4 || last === 0) points++;
        }
      }
      return points * PenaltyScores.N2;
    };
    exports.getPenaltyN3 = function getPenaltyN3(data) {
      const size = data.size;
      let points = 0;
      let bitsCol = 0;
      let bitsRow = 0;
      for (let row2 = 0; row2 < size; row2++) {
        bitsCol = bitsRow = 0;
        for (let col = 0; col < size; col++) {
          bitsCol = bitsCol << 1 & 2047 | data.get(row2, col);
          if (col >= 10 && (bitsCol === 1488 || bitsCol === 93)) points++;
          bitsRow = bitsRow << 1 & 2047 | data.get(col, row2);
          if (col >= 10 && (bitsRow === 1488 || bitsRow === 93)) points++;
        }
      }
      return points * PenaltyScores.N3;
    };
    exports.getPenaltyN4 = function getPenaltyN4(data) {
      let darkCount = 0;
      const modulesCount = data.data.length;
      for (let i = 0; i < modulesCount; i++) darkCount += data.data[i];
      const k = Math.abs(Math.ceil(darkCount * 100 / modulesCount / 5) - 10);
      return k * PenaltyScores.N4;
    };
    function getMaskAt(maskPattern, i, j) {
      switch (maskPattern) {
        case exports.Patterns.PATTERN000:
          return (i + j) % 2 === 0;
        case exports.Patterns.PATTERN001:
          return i % 2 === 0;
        case exports.Patterns.PATTERN010:
          return j % 3 === 0;
        case exports.Patterns.PATTERN011:
          return (i + j) % 3 === 0;
        case exports.Patterns.PATTERN100:
          return (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0;
        case exports.Patterns.PATTERN101:
          return i * j % 2 + i * j % 3 === 0;
        case exports.Patterns.PATTERN110:
          return (i * j % 2 + i * j % 3) % 2 === 0;
        case exports.Patterns.PATTERN111:
          return (i * j % 3 + (i + j) % 2) % 2 === 0;
        default:
          throw new Error("bad maskPattern:" + maskPattern);
      }
    }
    exports.applyMask = function applyMask(pattern, data) {
      const size = data.size;
      for (let col = 0; col < size; col++) {
        for (let row2 = 0; row2 < size; row2++) {
          if (data.isReserved(row2, col)) continue;
          data.xor(row2, col, getMaskAt(pattern, row2, col));
        }
      }
    };
    exports.getBestMask = function getBestMask(data, setupFormatFunc) {
      const numPatterns = Object.keys(exports.Patterns).length;
      let bestPattern = 0;
      let lowerPenalty = Infinity;
      for (let p = 0; p < numPatterns; p++) {
        setupFormatFunc(p);
        exports.applyMask(p, data);
        const penalty = exports.getPenaltyN1(data) + exports.getPenaltyN2(data) + exports.getPenaltyN3(data) + exports.getPenaltyN4(data);
        exports.applyMask(p, data);
        if (penalty < lowerPenalty) {
          lowerPenalty = penalty;
          bestPattern = p;
        }
      }
      return bestPattern;
    };
  }
});

// node_modules/qrcode/lib/core/error-correction-code.js
var require_error_correction_code = __commonJS({
  "node_modules/qrcode/lib/core/error-correction-code.js"(exports) {
    var ECLevel = require_error_correction_level();
    var EC_BLOCKS_TABLE = [
      // L  M  Q  H
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      2,
      2,
      1,
      2,
      2,
      4,
      1,
      2,
      4,
      4,
      2,
      4,
      4,
      4,
      2,
      4,
      6,
      5,
      2,
      4,
      6,
      6,
      2,
      5,
      8,
      8,
      4,
      5,
      8,
      8,
      4,
      5,
      8,
      11,
      4,
      8,
      10,
      11,
      4,
      9,
      12,
      16,
      4,
      9,
      16,
      16,
      6,
      10,
      12,
      18,
      6,
      10,
      17,
      16,
      6,
      11,
      16,
      19,
      6,
      13,
      18,
      21,
      7,
      14,
      21,
      25,
      8,
      16,
      20,
      25,
      8,
      17,
      23,
      25,
      9,
      17,
      23,
      34,
      9,
      18,
      25,
      30,
      10,
      20,
      27,
      32,
      12,
      21,
      29,
      35,
      12,
      23,
      34,
      37,
      12,
      25,
      34,
      40,
      13,
      26,
      35,
      42,
      14,
      28,
      38,
      45,
      15,
      29,
      40,
      48,
      16,
      31,
      43,
      51,
      17,
      33,
      45,
      54,
      18,
      35,
      48,
      57,
      19,
      37,
      51,
      60,
      19,
      38,
      53,
      63,
      20,
      40,
      56,
      66,
      21,
      43,
      59,
      70,
      22,
      45,
      62,
      74,
      24,
      47,
      65,
      77,
      25,
      49,
      68,
      81
    ];
    var EC_CODEWORDS_TABLE = [
      // L  M  Q  H
      7,
      10,
      13,
      17,
      10,
      16,
      22,
      28,
      15,
      26,
      36,
      44,
      20,
      36,
      52,
      64,
      26,
      48,
      72,
      88,
      36,
      64,
      96,
      112,
      40,
      72,
      108,
      130,
      48,
      88,
      132,
      156,
      60,
      110,
      160,
      192,
      72,
      130,
      192,
      224,
      80,
      150,
      224,
      264,
      96,
      176,
      260,
      308,
      104,
      198,
      288,
      352,
      120,
      216,
      320,
      384,
      132,
      240,
      360,
      432,
      144,
      280,
      408,
      480,
      168,
      308,
      448,
      532,
      180,
      338,
      504,
      588,
      196,
      364,
      546,
      650,
      224,
      416,
      600,
      700,
      224,
      442,
      644,
      750,
      252,
      476,
      690,
      816,
      270,
      504,
      750,
      900,
      300,
      560,
      810,
      960,
      312,
      588,
      870,
      1050,
      336,
      644,
      952,
      1110,
      360,
      700,
      1020,
      1200,
      390,
      728,
      1050,
      1260,
      420,
      784,
      1140,
      1350,
      450,
      812,
      1200,
      1440,
      480,
      868,
      1290,
      1530,
      510,
      924,
      1350,
      1620,
      540,
      980,
      1440,
      1710,
      570,
      1036,
      1530,
      1800,
      570,
      1064,
      1590,
      1890,
      600,
      1120,
      1680,
      1980,
      630,
      1204,
      1770,
      2100,
      660,
      1260,
      1860,
      2220,
      720,
      1316,
      1950,
      2310,
      750,
      1372,
      2040,
      2430
    ];
    exports.getBlocksCount = function getBlocksCount(version, errorCorrectionLevel) {
      switch (errorCorrectionLevel) {
        case ECLevel.L:
          return EC_BLOCKS_TABLE[(version - 1) * 4 + 0];
        case ECLevel.M:
          return EC_BLOCKS_TABLE[(version - 1) * 4 + 1];
        case ECLevel.Q:
          return EC_BLOCKS_TABLE[(version - 1) * 4 + 2];
        case ECLevel.H:
          return EC_BLOCKS_TABLE[(version - 1) * 4 + 3];
        default:
          return void 0;
      }
    };
    exports.getTotalCodewordsCount = function getTotalCodewordsCount(version, errorCorrectionLevel) {
      switch (errorCorrectionLevel) {
        case ECLevel.L:
          return EC_CODEWORDS_TABLE[(version - 1) * 4 + 0];
        case ECLevel.M:
          return EC_CODEWORDS_TABLE[(version - 1) * 4 + 1];
        case ECLevel.Q:
          return EC_CODEWORDS_TABLE[(version - 1) * 4 + 2];
        case ECLevel.H:
          return EC_CODEWORDS_TABLE[(version - 1) * 4 + 3];
        default:
          return void 0;
      }
    };
  }
});

// node_modules/qrcode/lib/core/galois-field.js
var require_galois_field = __commonJS({
  "node_modules/qrcode/lib/core/galois-field.js"(exports) {
    var EXP_TABLE = new Uint8Array(512);
    var LOG_TABLE = new Uint8Array(256);
    (function initTables() {
      let x = 1;
      for (let i = 0; i < 255; i++) {
        EXP_TABLE[i] = x;
        LOG_TABLE[x] = i;
        x <<= 1;
        if (x & 256) {
          x ^= 285;
        }
      }
      for (let i = 255; i < 512; i++) {
        EXP_TABLE[i] = EXP_TABLE[i - 255];
      }
    })();
    exports.log = function log(n) {
      if (n < 1) throw new Error("log(" + n + ")");
      return LOG_TABLE[n];
    };
    exports.exp = function exp(n) {
      return EXP_TABLE[n];
    };
    exports.mul = function mul(x, y) {
      if (x === 0 || y === 0) return 0;
      return EXP_TABLE[LOG_TABLE[x] + LOG_TABLE[y]];
    };
  }
});

// node_modules/qrcode/lib/core/polynomial.js
var require_polynomial = __commonJS({
  "node_modules/qrcode/lib/core/polynomial.js"(exports) {
    var GF = require_galois_field();
    exports.mul = function mul(p1, p2) {
      const coeff = new Uint8Array(p1.length + p2.length - 1);
      for (let i = 0; i < p1.length; i++) {
        for (let j = 0; j < p2.length; j++) {
          coeff[i + j] ^= GF.mul(p1[i], p2[j]);
        }
      }
      return coeff;
    };
    exports.mod = function mod(divident, divisor) {
      let result = new Uint8Array(divident);
      while (result.length - divisor.length >= 0) {
        const coeff = result[0];
        for (let i = 0; i < divisor.length; i++) {
          result[i] ^= GF.mul(divisor[i], coeff);
        }
        let offset = 0;
        while (offset < result.length && result[offset] === 0) offset++;
        result = result.slice(offset);
      }
      return result;
    };
    exports.generateECPolynomial = function generateECPolynomial(degree) {
      let poly = new Uint8Array([1]);
      for (let i = 0; i < degree; i++) {
        poly = exports.mul(poly, new Uint8Array([1, GF.exp(i)]));
      }
      return poly;
    };
  }
});

// node_modules/qrcode/lib/core/reed-solomon-encoder.js
var require_reed_solomon_encoder = __commonJS({
  "node_modules/qrcode/lib/core/reed-solomon-encoder.js"(exports, module) {
    var Polynomial = require_polynomial();
    function ReedSolomonEncoder(degree) {
      this.genPoly = void 0;
      this.degree = degree;
      if (this.degree) this.initialize(this.degree);
    }
    ReedSolomonEncoder.prototype.initialize = function initialize(degree) {
      this.degree = degree;
      this.genPoly = Polynomial.generateECPolynomial(this.degree);
    };
    ReedSolomonEncoder.prototype.encode = function encode(data) {
      if (!this.genPoly) {
        throw new Error("Encoder not initialized");
      }
      const paddedData = new Uint8Array(data.length + this.degree);
      paddedData.set(data);
      const remainder = Polynomial.mod(paddedData, this.genPoly);
      const start = this.degree - remainder.length;
      if (start > 0) {
        const buff = new Uint8Array(this.degree);
        buff.set(remainder, start);
        return buff;
      }
      return remainder;
    };
    module.exports = ReedSolomonEncoder;
  }
});

// node_modules/qrcode/lib/core/version-check.js
var require_version_check = __commonJS({
  "node_modules/qrcode/lib/core/version-check.js"(exports) {
    exports.isValid = function isValid(version) {
      return !isNaN(version) && version >= 1 && version <= 40;
    };
  }
});

// node_modules/qrcode/lib/core/regex.js
var require_regex = __commonJS({
  "node_modules/qrcode/lib/core/regex.js"(exports) {
    var numeric = "[0-9]+";
    var alphanumeric = "[A-Z $%*+\\-./:]+";
    var kanji = "(?:[u3000-u303F]|[u3040-u309F]|[u30A0-u30FF]|[uFF00-uFFEF]|[u4E00-u9FAF]|[u2605-u2606]|[u2190-u2195]|u203B|[u2010u2015u2018u2019u2025u2026u201Cu201Du2225u2260]|[u0391-u0451]|[u00A7u00A8u00B1u00B4u00D7u00F7])+";
    kanji = kanji.replace(/u/g, "\\u");
    var byte = "(?:(?![A-Z0-9 $%*+\\-./:]|" + kanji + ")(?:.|[\r\n]))+";
    exports.KANJI = new RegExp(kanji, "g");
    exports.BYTE_KANJI = new RegExp("[^A-Z0-9 $%*+\\-./:]+", "g");
    exports.BYTE = new RegExp(byte, "g");
    exports.NUMERIC = new RegExp(numeric, "g");
    exports.ALPHANUMERIC = new RegExp(alphanumeric, "g");
    var TEST_KANJI = new RegExp("^" + kanji + "$");
    var TEST_NUMERIC = new RegExp("^" + numeric + "$");
    var TEST_ALPHANUMERIC = new RegExp("^[A-Z0-9 $%*+\\-./:]+$");
    exports.testKanji = function testKanji(str) {
      return TEST_KANJI.test(str);
    };
    exports.testNumeric = function testNumeric(str) {
      return TEST_NUMERIC.test(str);
    };
    exports.testAlphanumeric = function testAlphanumeric(str) {
      return TEST_ALPHANUMERIC.test(str);
    };
  }
});

// node_modules/qrcode/lib/core/mode.js
var require_mode = __commonJS({
  "node_modules/qrcode/lib/core/mode.js"(exports) {
    var VersionCheck = require_version_check();
    var Regex = require_regex();
    exports.NUMERIC = {
      id: "Numeric",
      bit: 1 << 0,
      ccBits: [10, 12, 14]
    };
    exports.ALPHANUMERIC = {
      id: "Alphanumeric",
      bit: 1 << 1,
      ccBits: [9, 11, 13]
    };
    exports.BYTE = {
      id: "Byte",
      bit: 1 << 2,
      ccBits: [8, 16, 16]
    };
    exports.KANJI = {
      id: "Kanji",
      bit: 1 << 3,
      ccBits: [8, 10, 12]
    };
    exports.MIXED = {
      bit: -1
    };
    exports.getCharCountIndicator = function getCharCountIndicator(mode, version) {
      if (!mode.ccBits) throw new Error("Invalid mode: " + mode);
      if (!VersionCheck.isValid(version)) {
        throw new Error("Invalid version: " + version);
      }
      if (version >= 1 && version < 10) return mode.ccBits[0];
      else if (version < 27) return mode.ccBits[1];
      return mode.ccBits[2];
    };
    exports.getBestModeForData = function getBestModeForData(dataStr) {
      if (Regex.testNumeric(dataStr)) return exports.NUMERIC;
      else if (Regex.testAlphanumeric(dataStr)) return exports.ALPHANUMERIC;
      else if (Regex.testKanji(dataStr)) return exports.KANJI;
      else return exports.BYTE;
    };
    exports.toString = function toString(mode) {
      if (mode && mode.id) return mode.id;
      throw new Error("Invalid mode");
    };
    exports.isValid = function isValid(mode) {
      return mode && mode.bit && mode.ccBits;
    };
    function fromString(string) {
      if (typeof string !== "string") {
        throw new Error("Param is not a string");
      }
      const lcStr = string.toLowerCase();
      switch (lcStr) {
        case "numeric":
          return exports.NUMERIC;
        case "alphanumeric":
          return exports.ALPHANUMERIC;
        case "kanji":
          return exports.KANJI;
        case "byte":
          return exports.BYTE;
        default:
          throw new Error("Unknown mode: " + string);
      }
    }
    exports.from = function from(value, defaultValue) {
      if (exports.isValid(value)) {
        return value;
      }
      try {
        return fromString(value);
      } catch (e) {
        return defaultValue;
      }
    };
  }
});

// node_modules/qrcode/lib/core/version.js
var require_version = __commonJS({
  "node_modules/qrcode/lib/core/version.js"(exports) {
    var Utils = require_utils();
    var ECCode = require_error_correction_code();
    var ECLevel = require_error_correction_level();
    var Mode = require_mode();
    var VersionCheck = require_version_check();
    var G18 = 1 << 12 | 1 << 11 | 1 << 10 | 1 << 9 | 1 << 8 | 1 << 5 | 1 << 2 | 1 << 0;
    var G18_BCH = Utils.getBCHDigit(G18);
    function getBestVersionForDataLength(mode, length, errorCorrectionLevel) {
      for (let currentVersion = 1; currentVersion <= 40; currentVersion++) {
        if (length <= exports.getCapacity(currentVersion, errorCorrectionLevel, mode)) {
          return currentVersion;
        }
      }
      return void 0;
    }
    function getReservedBitsCount(mode, version) {
      return Mode.getCharCountIndicator(mode, version) + 4;
    }
    function getTotalBitsFromDataArray(segments, version) {
      let totalBits = 0;
      segments.forEach(function(data) {
        const reservedBits = getReservedBitsCount(data.mode, version);
        totalBits += reservedBits + data.getBitsLength();
      });
      return totalBits;
    }
    function getBestVersionForMixedData(segments, errorCorrectionLevel) {
      for (let currentVersion = 1; currentVersion <= 40; currentVersion++) {
        const length = getTotalBitsFromDataArray(segments, currentVersion);
        if (length <= exports.getCapacity(currentVersion, errorCorrectionLevel, Mode.MIXED)) {
          return currentVersion;
        }
      }
      return void 0;
    }
    exports.from = function from(value, defaultValue) {
      if (VersionCheck.isValid(value)) {
        return parseInt(value, 10);
      }
      return defaultValue;
    };
    exports.getCapacity = function getCapacity(version, errorCorrectionLevel, mode) {
      if (!VersionCheck.isValid(version)) {
        throw new Error("Invalid QR Code version");
      }
      if (typeof mode === "undefined") mode = Mode.BYTE;
      const totalCodewords = Utils.getSymbolTotalCodewords(version);
      const ecTotalCodewords = ECCode.getTotalCodewordsCount(version, errorCorrectionLevel);
      const dataTotalCodewordsBits = (totalCodewords - ecTotalCodewords) * 8;
      if (mode === Mode.MIXED) return dataTotalCodewordsBits;
      const usableBits = dataTotalCodewordsBits - getReservedBitsCount(mode, version);
      switch (mode) {
        case Mode.NUMERIC:
          return Math.floor(usableBits / 10 * 3);
        case Mode.ALPHANUMERIC:
          return Math.floor(usableBits / 11 * 2);
        case Mode.KANJI:
          return Math.floor(usableBits / 13);
        case Mode.BYTE:
        default:
          return Math.floor(usableBits / 8);
      }
    };
    exports.getBestVersionForData = function getBestVersionForData(data, errorCorrectionLevel) {
      let seg;
      const ecl = ECLevel.from(errorCorrectionLevel, ECLevel.M);
      if (Array.isArray(data)) {
        if (data.length > 1) {
          return getBestVersionForMixedData(data, ecl);
        }
        if (data.length === 0) {
          return 1;
        }
        seg = data[0];
      } else {
        seg = data;
      }
      return getBestVersionForDataLength(seg.mode, seg.getLength(), ecl);
    };
    exports.getEncodedBits = function getEncodedBits(version) {
      if (!VersionCheck.isValid(version) || version < 7) {
        throw new Error("Invalid QR Code version");
      }
      let d = version << 12;
      while (Utils.getBCHDigit(d) - G18_BCH >= 0) {
        d ^= G18 << Utils.getBCHDigit(d) - G18_BCH;
      }
      return version << 12 | d;
    };
  }
});

// node_modules/qrcode/lib/core/format-info.js
var require_format_info = __commonJS({
  "node_modules/qrcode/lib/core/format-info.js"(exports) {
    var Utils = require_utils();
    var G15 = 1 << 10 | 1 << 8 | 1 << 5 | 1 << 4 | 1 << 2 | 1 << 1 | 1 << 0;
    var G15_MASK = 1 << 14 | 1 << 12 | 1 << 10 | 1 << 4 | 1 << 1;
    var G15_BCH = Utils.getBCHDigit(G15);
    exports.getEncodedBits = function getEncodedBits(errorCorrectionLevel, mask) {
      const data = errorCorrectionLevel.bit << 3 | mask;
      let d = data << 10;
      while (Utils.getBCHDigit(d) - G15_BCH >= 0) {
        d ^= G15 << Utils.getBCHDigit(d) - G15_BCH;
      }
      return (data << 10 | d) ^ G15_MASK;
    };
  }
});

// node_modules/qrcode/lib/core/numeric-data.js
var require_numeric_data = __commonJS({
  "node_modules/qrcode/lib/core/numeric-data.js"(exports, module) {
    var Mode = require_mode();
    function NumericData(data) {
      this.mode = Mode.NUMERIC;
      this.data = data.toString();
    }
    NumericData.getBitsLength = function getBitsLength(length) {
      return 10 * Math.floor(length / 3) + (length % 3 ? length % 3 * 3 + 1 : 0);
    };
    NumericData.prototype.getLength = function getLength() {
      return this.data.length;
    };
    NumericData.prototype.getBitsLength = function getBitsLength() {
      return NumericData.getBitsLength(this.data.length);
    };
    NumericData.prototype.write = function write(bitBuffer) {
      let i, group2, value;
      for (i = 0; i + 3 <= this.data.length; i += 3) {
        group2 = this.data.substr(i, 3);
        value = parseInt(group2, 10);
        bitBuffer.put(value, 10);
      }
      const remainingNum = this.data.length - i;
      if (remainingNum > 0) {
        group2 = this.data.substr(i);
        value = parseInt(group2, 10);
        bitBuffer.put(value, remainingNum * 3 + 1);
      }
    };
    module.exports = NumericData;
  }
});

// node_modules/qrcode/lib/core/alphanumeric-data.js
var require_alphanumeric_data = __commonJS({
  "node_modules/qrcode/lib/core/alphanumeric-data.js"(exports, module) {
    var Mode = require_mode();
    var ALPHA_NUM_CHARS = [
      "0",
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9",
      "A",
      "B",
      "C",
      "D",
      "E",
      "F",
      "G",
      "H",
      "I",
      "J",
      "K",
      "L",
      "M",
      "N",
      "O",
      "P",
      "Q",
      "R",
      "S",
      "T",
      "U",
      "V",
      "W",
      "X",
      "Y",
      "Z",
      " ",
      "$",
      "%",
      "*",
      "+",
      "-",
      ".",
      "/",
      ":"
    ];
    function AlphanumericData(data) {
      this.mode = Mode.ALPHANUMERIC;
      this.data = data;
    }
    AlphanumericData.getBitsLength = function getBitsLength(length) {
      return 11 * Math.floor(length / 2) + 6 * (length % 2);
    };
    AlphanumericData.prototype.getLength = function getLength() {
      return this.data.length;
    };
    AlphanumericData.prototype.getBitsLength = function getBitsLength() {
      return AlphanumericData.getBitsLength(this.data.length);
    };
    AlphanumericData.prototype.write = function write(bitBuffer) {
      let i;
      for (i = 0; i + 2 <= this.data.length; i += 2) {
        let value = ALPHA_NUM_CHARS.indexOf(this.data[i]) * 45;
        value += ALPHA_NUM_CHARS.indexOf(this.data[i + 1]);
        bitBuffer.put(value, 11);
      }
      if (this.data.length % 2) {
        bitBuffer.put(ALPHA_NUM_CHARS.indexOf(this.data[i]), 6);
      }
    };
    module.exports = AlphanumericData;
  }
});

// node_modules/qrcode/lib/core/byte-data.js
var require_byte_data = __commonJS({
  "node_modules/qrcode/lib/core/byte-data.js"(exports, module) {
    var Mode = require_mode();
    function ByteData(data) {
      this.mode = Mode.BYTE;
      if (typeof data === "string") {
        this.data = new TextEncoder().encode(data);
      } else {
        this.data = new Uint8Array(data);
      }
    }
    ByteData.getBitsLength = function getBitsLength(length) {
      return length * 8;
    };
    ByteData.prototype.getLength = function getLength() {
      return this.data.length;
    };
    ByteData.prototype.getBitsLength = function getBitsLength() {
      return ByteData.getBitsLength(this.data.length);
    };
    ByteData.prototype.write = function(bitBuffer) {
      for (let i = 0, l = this.data.length; i < l; i++) {
        bitBuffer.put(this.data[i], 8);
      }
    };
    module.exports = ByteData;
  }
});

// node_modules/qrcode/lib/core/kanji-data.js
var require_kanji_data = __commonJS({
  "node_modules/qrcode/lib/core/kanji-data.js"(exports, module) {
    var Mode = require_mode();
    var Utils = require_utils();
    function KanjiData(data) {
      this.mode = Mode.KANJI;
      this.data = data;
    }
    KanjiData.getBitsLength = function getBitsLength(length) {
      return length * 13;
    };
    KanjiData.prototype.getLength = function getLength() {
      return this.data.length;
    };
    KanjiData.prototype.getBitsLength = function getBitsLength() {
      return KanjiData.getBitsLength(this.data.length);
    };
    KanjiData.prototype.write = function(bitBuffer) {
      let i;
      for (i = 0; i < this.data.length; i++) {
        let value = Utils.toSJIS(this.data[i]);
        if (value >= 33088 && value <= 40956) {
          value -= 33088;
        } else if (value >= 57408 && value <= 60351) {
          value -= 49472;
        } else {
          throw new Error(
            "Invalid SJIS character: " + this.data[i] + "\nMake sure your charset is UTF-8"
          );
        }
        value = (value >>> 8 & 255) * 192 + (value & 255);
        bitBuffer.put(value, 13);
      }
    };
    module.exports = KanjiData;
  }
});

// node_modules/dijkstrajs/dijkstra.js
var require_dijkstra = __commonJS({
  "node_modules/dijkstrajs/dijkstra.js"(exports, module) {
    "use strict";
    var dijkstra = {
      single_source_shortest_paths: function(graph, s, d) {
        var predecessors = {};
        var costs = {};
        costs[s] = 0;
        var open2 = dijkstra.PriorityQueue.make();
        open2.push(s, 0);
        var closest, u, v, cost_of_s_to_u, adjacent_nodes, cost_of_e, cost_of_s_to_u_plus_cost_of_e, cost_of_s_to_v, first_visit;
        while (!open2.empty()) {
          closest = open2.pop();
          u = closest.value;
          cost_of_s_to_u = closest.cost;
          adjacent_nodes = graph[u] || {};
          for (v in adjacent_nodes) {
            if (adjacent_nodes.hasOwnProperty(v)) {
              cost_of_e = adjacent_nodes[v];
              cost_of_s_to_u_plus_cost_of_e = cost_of_s_to_u + cost_of_e;
              cost_of_s_to_v = costs[v];
              first_visit = typeof costs[v] === "undefined";
              if (first_visit || cost_of_s_to_v > cost_of_s_to_u_plus_cost_of_e) {
                costs[v] = cost_of_s_to_u_plus_cost_of_e;
                open2.push(v, cost_of_s_to_u_plus_cost_of_e);
                predecessors[v] = u;
              }
            }
          }
        }
        if (typeof d !== "undefined" && typeof costs[d] === "undefined") {
          var msg = ["Could not find a path from ", s, " to ", d, "."].join("");
          throw new Error(msg);
        }
        return predecessors;
      },
      extract_shortest_path_from_predecessor_list: function(predecessors, d) {
        var nodes = [];
        var u = d;
        var predecessor;
        while (u) {
          nodes.push(u);
          predecessor = predecessors[u];
          u = predecessors[u];
        }
        nodes.reverse();
        return nodes;
      },
      find_path: function(graph, s, d) {
        var predecessors = dijkstra.single_source_shortest_paths(graph, s, d);
        return dijkstra.extract_shortest_path_from_predecessor_list(
          predecessors,
          d
        );
      },
      /**
       * A very naive priority queue implementation.
       */
      PriorityQueue: {
        make: function(opts) {
          var T = dijkstra.PriorityQueue, t = {}, key;
          opts = opts || {};
          for (key in T) {
            if (T.hasOwnProperty(key)) {
              t[key] = T[key];
            }
          }
          t.queue = [];
          t.sorter = opts.sorter || T.default_sorter;
          return t;
        },
        default_sorter: function(a, b) {
          return a.cost - b.cost;
        },
        /**
         * Add a new item to the queue and ensure the highest priority element
         * is at the front of the queue.
         */
        push: function(value, cost) {
          var item = { value, cost };
          this.queue.push(item);
          this.queue.sort(this.sorter);
        },
        /**
         * Return the highest priority element in the queue.
         */
        pop: function() {
          return this.queue.shift();
        },
        empty: function() {
          return this.queue.length === 0;
        }
      }
    };
    if (typeof module !== "undefined") {
      module.exports = dijkstra;
    }
  }
});

// node_modules/qrcode/lib/core/segments.js
var require_segments = __commonJS({
  "node_modules/qrcode/lib/core/segments.js"(exports) {
    var Mode = require_mode();
    var NumericData = require_numeric_data();
    var AlphanumericData = require_alphanumeric_data();
    var ByteData = require_byte_data();
    var KanjiData = require_kanji_data();
    var Regex = require_regex();
    var Utils = require_utils();
    var dijkstra = require_dijkstra();
    function getStringByteLength(str) {
      return unescape(encodeURIComponent(str)).length;
    }
    function getSegments(regex, mode, str) {
      const segments = [];
      let result;
      while ((result = regex.exec(str)) !== null) {
        segments.push({
          data: result[0],
          index: result.index,
          mode,
          length: result[0].length
        });
      }
      return segments;
    }
    function getSegmentsFromString(dataStr) {
      const numSegs = getSegments(Regex.NUMERIC, Mode.NUMERIC, dataStr);
      const alphaNumSegs = getSegments(Regex.ALPHANUMERIC, Mode.ALPHANUMERIC, dataStr);
      let byteSegs;
      let kanjiSegs;
      if (Utils.isKanjiModeEnabled()) {
        byteSegs = getSegments(Regex.BYTE, Mode.BYTE, dataStr);
        kanjiSegs = getSegments(Regex.KANJI, Mode.KANJI, dataStr);
      } else {
        byteSegs = getSegments(Regex.BYTE_KANJI, Mode.BYTE, dataStr);
        kanjiSegs = [];
      }
      const segs = numSegs.concat(alphaNumSegs, byteSegs, kanjiSegs);
      return segs.sort(function(s1, s2) {
        return s1.index - s2.index;
      }).map(function(obj) {
        return {
          data: obj.data,
          mode: obj.mode,
          length: obj.length
        };
      });
    }
    function getSegmentBitsLength(length, mode) {
      switch (mode) {
        case Mode.NUMERIC:
          return NumericData.getBitsLength(length);
        case Mode.ALPHANUMERIC:
          return AlphanumericData.getBitsLength(length);
        case Mode.KANJI:
          return KanjiData.getBitsLength(length);
        case Mode.BYTE:
          return ByteData.getBitsLength(length);
      }
    }
    function mergeSegments(segs) {
      return segs.reduce(function(acc, curr) {
        const prevSeg = acc.length - 1 >= 0 ? acc[acc.length - 1] : null;
        if (prevSeg && prevSeg.mode === curr.mode) {
          acc[acc.length - 1].data += curr.data;
          return acc;
        }
        acc.push(curr);
        return acc;
      }, []);
    }
    function buildNodes(segs) {
      const nodes = [];
      for (let i = 0; i < segs.length; i++) {
        const seg = segs[i];
        switch (seg.mode) {
          case Mode.NUMERIC:
            nodes.push([
              seg,
              { data: seg.data, mode: Mode.ALPHANUMERIC, length: seg.length },
              { data: seg.data, mode: Mode.BYTE, length: seg.length }
            ]);
            break;
          case Mode.ALPHANUMERIC:
            nodes.push([
              seg,
              { data: seg.data, mode: Mode.BYTE, length: seg.length }
            ]);
            break;
          case Mode.KANJI:
            nodes.push([
              seg,
              { data: seg.data, mode: Mode.BYTE, length: getStringByteLength(seg.data) }
            ]);
            break;
          case Mode.BYTE:
            nodes.push([
              { data: seg.data, mode: Mode.BYTE, length: getStringByteLength(seg.data) }
            ]);
        }
      }
      return nodes;
    }
    function buildGraph(nodes, version) {
      const table = {};
      const graph = { start: {} };
      let prevNodeIds = ["start"];
      for (let i = 0; i < nodes.length; i++) {
        const nodeGroup = nodes[i];
        const currentNodeIds = [];
        for (let j = 0; j < nodeGroup.length; j++) {
          const node = nodeGroup[j];
          const key = "" + i + j;
          currentNodeIds.push(key);
          table[key] = { node, lastCount: 0 };
          graph[key] = {};
          for (let n = 0; n < prevNodeIds.length; n++) {
            const prevNodeId = prevNodeIds[n];
            if (table[prevNodeId] && table[prevNodeId].node.mode === node.mode) {
              graph[prevNodeId][key] = getSegmentBitsLength(table[prevNodeId].lastCount + node.length, node.mode) - getSegmentBitsLength(table[prevNodeId].lastCount, node.mode);
              table[prevNodeId].lastCount += node.length;
            } else {
              if (table[prevNodeId]) table[prevNodeId].lastCount = node.length;
              graph[prevNodeId][key] = getSegmentBitsLength(node.length, node.mode) + 4 + Mode.getCharCountIndicator(node.mode, version);
            }
          }
        }
        prevNodeIds = currentNodeIds;
      }
      for (let n = 0; n < prevNodeIds.length; n++) {
        graph[prevNodeIds[n]].end = 0;
      }
      return { map: graph, table };
    }
    function buildSingleSegment(data, modesHint) {
      let mode;
      const bestMode = Mode.getBestModeForData(data);
      mode = Mode.from(modesHint, bestMode);
      if (mode !== Mode.BYTE && mode.bit < bestMode.bit) {
        throw new Error('"' + data + '" cannot be encoded with mode ' + Mode.toString(mode) + ".\n Suggested mode is: " + Mode.toString(bestMode));
      }
      if (mode === Mode.KANJI && !Utils.isKanjiModeEnabled()) {
        mode = Mode.BYTE;
      }
      switch (mode) {
        case Mode.NUMERIC:
          return new NumericData(data);
        case Mode.ALPHANUMERIC:
          return new AlphanumericData(data);
        case Mode.KANJI:
          return new KanjiData(data);
        case Mode.BYTE:
          return new ByteData(data);
      }
    }
    exports.fromArray = function fromArray(array) {
      return array.reduce(function(acc, seg) {
        if (typeof seg === "string") {
          acc.push(buildSingleSegment(seg, null));
        } else if (seg.data) {
          acc.push(buildSingleSegment(seg.data, seg.mode));
        }
        return acc;
      }, []);
    };
    exports.fromString = function fromString(data, version) {
      const segs = getSegmentsFromString(data, Utils.isKanjiModeEnabled());
      const nodes = buildNodes(segs);
      const graph = buildGraph(nodes, version);
      const path = dijkstra.find_path(graph.map, "start", "end");
      const optimizedSegs = [];
      for (let i = 1; i < path.length - 1; i++) {
        optimizedSegs.push(graph.table[path[i]].node);
      }
      return exports.fromArray(mergeSegments(optimizedSegs));
    };
    exports.rawSplit = function rawSplit(data) {
      return exports.fromArray(
        getSegmentsFromString(data, Utils.isKanjiModeEnabled())
      );
    };
  }
});

// node_modules/qrcode/lib/core/qrcode.js
var require_qrcode = __commonJS({
  "node_modules/qrcode/lib/core/qrcode.js"(exports) {
    var Utils = require_utils();
    var ECLevel = require_error_correction_level();
    var BitBuffer = require_bit_buffer();
    var BitMatrix = require_bit_matrix();
    var AlignmentPattern = require_alignment_pattern();
    var FinderPattern = require_finder_pattern();
    var MaskPattern = require_mask_pattern();
    var ECCode = require_error_correction_code();
    var ReedSolomonEncoder = require_reed_solomon_encoder();
    var Version = require_version();
    var FormatInfo = require_format_info();
    var Mode = require_mode();
    var Segments = require_segments();
    function setupFinderPattern(matrix, version) {
      const size = matrix.size;
      const pos = FinderPattern.getPositions(version);
      for (let i = 0; i < pos.length; i++) {
        const row2 = pos[i][0];
        const col = pos[i][1];
        for (let r = -1; r <= 7; r++) {
          if (row2 + r <= -1 || size <= row2 + r) continue;
          for (let c = -1; c <= 7; c++) {
            if (col + c <= -1 || size <= col + c) continue;
            if (r >= 0 && r <= 6 && (c === 0 || c === 6) || c >= 0 && c <= 6 && (r === 0 || r === 6) || r >= 2 && r <= 4 && c >= 2 && c <= 4) {
              matrix.set(row2 + r, col + c, true, true);
            } else {
              matrix.set(row2 + r, col + c, false, true);
            }
          }
        }
      }
    }
    function setupTimingPattern(matrix) {
      const size = matrix.size;
      for (let r = 8; r < size - 8; r++) {
        const value = r % 2 === 0;
        matrix.set(r, 6, value, true);
        matrix.set(6, r, value, true);
      }
    }
    function setupAlignmentPattern(matrix, version) {
      const pos = AlignmentPattern.getPositions(version);
      for (let i = 0; i < pos.length; i++) {
        const row2 = pos[i][0];
        const col = pos[i][1];
        for (let r = -2; r <= 2; r++) {
          for (let c = -2; c <= 2; c++) {
            if (r === -2 || r === 2 || c === -2 || c === 2 || r === 0 && c === 0) {
              matrix.set(row2 + r, col + c, true, true);
            } else {
              matrix.set(row2 + r, col + c, false, true);
            }
          }
        }
      }
    }
    function setupVersionInfo(matrix, version) {
      const size = matrix.size;
      const bits = Version.getEncodedBits(version);
      let row2, col, mod;
      for (let i = 0; i < 18; i++) {
        row2 = Math.floor(i / 3);
        col = i % 3 + size - 8 - 3;
        mod = (bits >> i & 1) === 1;
        matrix.set(row2, col, mod, true);
        matrix.set(col, row2, mod, true);
      }
    }
    function setupFormatInfo(matrix, errorCorrectionLevel, maskPattern) {
      const size = matrix.size;
      const bits = FormatInfo.getEncodedBits(errorCorrectionLevel, maskPattern);
      let i, mod;
      for (i = 0; i < 15; i++) {
        mod = (bits >> i & 1) === 1;
        if (i < 6) {
          matrix.set(i, 8, mod, true);
        } else if (i < 8) {
          matrix.set(i + 1, 8, mod, true);
        } else {
          matrix.set(size - 15 + i, 8, mod, true);
        }
        if (i < 8) {
          matrix.set(8, size - i - 1, mod, true);
        } else if (i < 9) {
          matrix.set(8, 15 - i - 1 + 1, mod, true);
        } else {
          matrix.set(8, 15 - i - 1, mod, true);
        }
      }
      matrix.set(size - 8, 8, 1, true);
    }
    function setupData(matrix, data) {
      const size = matrix.size;
      let inc = -1;
      let row2 = size - 1;
      let bitIndex = 7;
      let byteIndex = 0;
      for (let col = size - 1; col > 0; col -= 2) {
        if (col === 6) col--;
        while (true) {
          for (let c = 0; c < 2; c++) {
            if (!matrix.isReserved(row2, col - c)) {
              let dark = false;
              if (byteIndex < data.length) {
                dark = (data[byteIndex] >>> bitIndex & 1) === 1;
              }
              matrix.set(row2, col - c, dark);
              bitIndex--;
              if (bitIndex === -1) {
                byteIndex++;
                bitIndex = 7;
              }
            }
          }
          row2 += inc;
          if (row2 < 0 || size <= row2) {
            row2 -= inc;
            inc = -inc;
            break;
          }
        }
      }
    }
    function createData(version, errorCorrectionLevel, segments) {
      const buffer = new BitBuffer();
      segments.forEach(function(data) {
        buffer.put(data.mode.bit, 4);
        buffer.put(data.getLength(), Mode.getCharCountIndicator(data.mode, version));
        data.write(buffer);
      });
      const totalCodewords = Utils.getSymbolTotalCodewords(version);
      const ecTotalCodewords = ECCode.getTotalCodewordsCount(version, errorCorrectionLevel);
      const dataTotalCodewordsBits = (totalCodewords - ecTotalCodewords) * 8;
      if (buffer.getLengthInBits() + 4 <= dataTotalCodewordsBits) {
        buffer.put(0, 4);
      }
      while (buffer.getLengthInBits() % 8 !== 0) {
        buffer.putBit(0);
      }
      const remainingByte = (dataTotalCodewordsBits - buffer.getLengthInBits()) / 8;
      for (let i = 0; i < remainingByte; i++) {
        buffer.put(i % 2 ? 17 : 236, 8);
      }
      return createCodewords(buffer, version, errorCorrectionLevel);
    }
    function createCodewords(bitBuffer, version, errorCorrectionLevel) {
      const totalCodewords = Utils.getSymbolTotalCodewords(version);
      const ecTotalCodewords = ECCode.getTotalCodewordsCount(version, errorCorrectionLevel);
      const dataTotalCodewords = totalCodewords - ecTotalCodewords;
      const ecTotalBlocks = ECCode.getBlocksCount(version, errorCorrectionLevel);
      const blocksInGroup2 = totalCodewords % ecTotalBlocks;
      const blocksInGroup1 = ecTotalBlocks - blocksInGroup2;
      const totalCodewordsInGroup1 = Math.floor(totalCodewords / ecTotalBlocks);
      const dataCodewordsInGroup1 = Math.floor(dataTotalCodewords / ecTotalBlocks);
      const dataCodewordsInGroup2 = dataCodewordsInGroup1 + 1;
      const ecCount = totalCodewordsInGroup1 - dataCodewordsInGroup1;
      const rs = new ReedSolomonEncoder(ecCount);
      let offset = 0;
      const dcData = new Array(ecTotalBlocks);
      const ecData = new Array(ecTotalBlocks);
      let maxDataSize = 0;
      const buffer = new Uint8Array(bitBuffer.buffer);
      for (let b = 0; b < ecTotalBlocks; b++) {
        const dataSize = b < blocksInGroup1 ? dataCodewordsInGroup1 : dataCodewordsInGroup2;
        dcData[b] = buffer.slice(offset, offset + dataSize);
        ecData[b] = rs.encode(dcData[b]);
        offset += dataSize;
        maxDataSize = Math.max(maxDataSize, dataSize);
      }
      const data = new Uint8Array(totalCodewords);
      let index = 0;
      let i, r;
      for (i = 0; i < maxDataSize; i++) {
        for (r = 0; r < ecTotalBlocks; r++) {
          if (i < dcData[r].length) {
            data[index++] = dcData[r][i];
          }
        }
      }
      for (i = 0; i < ecCount; i++) {
        for (r = 0; r < ecTotalBlocks; r++) {
          data[index++] = ecData[r][i];
        }
      }
      return data;
    }
    function createSymbol(data, version, errorCorrectionLevel, maskPattern) {
      let segments;
      if (Array.isArray(data)) {
        segments = Segments.fromArray(data);
      } else if (typeof data === "string") {
        let estimatedVersion = version;
        if (!estimatedVersion) {
          const rawSegments = Segments.rawSplit(data);
          estimatedVersion = Version.getBestVersionForData(rawSegments, errorCorrectionLevel);
        }
        segments = Segments.fromString(data, estimatedVersion || 40);
      } else {
        throw new Error("Invalid data");
      }
      const bestVersion = Version.getBestVersionForData(segments, errorCorrectionLevel);
      if (!bestVersion) {
        throw new Error("The amount of data is too big to be stored in a QR Code");
      }
      if (!version) {
        version = bestVersion;
      } else if (version < bestVersion) {
        throw new Error(
          "\nThe chosen QR Code version cannot contain this amount of data.\nMinimum version required to store current data is: " + bestVersion + ".\n"
        );
      }
      const dataBits = createData(version, errorCorrectionLevel, segments);
      const moduleCount = Utils.getSymbolSize(version);
      const modules = new BitMatrix(moduleCount);
      setupFinderPattern(modules, version);
      setupTimingPattern(modules);
      setupAlignmentPattern(modules, version);
      setupFormatInfo(modules, errorCorrectionLevel, 0);
      if (version >= 7) {
        setupVersionInfo(modules, version);
      }
      setupData(modules, dataBits);
      if (isNaN(maskPattern)) {
        maskPattern = MaskPattern.getBestMask(
          modules,
          setupFormatInfo.bind(null, modules, errorCorrectionLevel)
        );
      }
      MaskPattern.applyMask(maskPattern, modules);
      setupFormatInfo(modules, errorCorrectionLevel, maskPattern);
      return {
        modules,
        version,
        errorCorrectionLevel,
        maskPattern,
        segments
      };
    }
    exports.create = function create(data, options2) {
      if (typeof data === "undefined" || data === "") {
        throw new Error("No input text");
      }
      let errorCorrectionLevel = ECLevel.M;
      let version;
      let mask;
      if (typeof options2 !== "undefined") {
        errorCorrectionLevel = ECLevel.from(options2.errorCorrectionLevel, ECLevel.M);
        version = Version.from(options2.version);
        mask = MaskPattern.from(options2.maskPattern);
        if (options2.toSJISFunc) {
          Utils.setToSJISFunction(options2.toSJISFunc);
        }
      }
      return createSymbol(data, version, errorCorrectionLevel, mask);
    };
  }
});

// node_modules/qrcode/node_modules/pngjs/lib/chunkstream.js
var require_chunkstream = __commonJS({
  "node_modules/qrcode/node_modules/pngjs/lib/chunkstream.js"(exports, module) {
    "use strict";
    var util = __require("util");
    var Stream = __require("stream");
    var ChunkStream = module.exports = function() {
      Stream.call(this);
      this._buffers = [];
      this._buffered = 0;
      this._reads = [];
      this._paused = false;
      this._encoding = "utf8";
      this.writable = true;
    };
    util.inherits(ChunkStream, Stream);
    ChunkStream.prototype.read = function(length, callback) {
      this._reads.push({
        length: Math.abs(length),
        // if length < 0 then at most this length
        allowLess: length < 0,
        func: callback
      });
      process.nextTick(
        function() {
          this._process();
          if (this._paused && this._reads && this._reads.length > 0) {
            this._paused = false;
            this.emit("drain");
          }
        }.bind(this)
      );
    };
    ChunkStream.prototype.write = function(data, encoding) {
      if (!this.writable) {
        this.emit("error", new Error("Stream not writable"));
        return false;
      }
      let dataBuffer;
      if (Buffer.isBuffer(data)) {
        dataBuffer = data;
      } else {
        dataBuffer = Buffer.from(data, encoding || this._encoding);
      }
      this._buffers.push(dataBuffer);
      this._buffered += dataBuffer.length;
      this._process();
      if (this._reads && this._reads.length === 0) {
        this._paused = true;
      }
      return this.writable && !this._paused;
    };
    ChunkStream.prototype.end = function(data, encoding) {
      if (data) {
        this.write(data, encoding);
      }
      this.writable = false;
      if (!this._buffers) {
        return;
      }
      if (this._buffers.length === 0) {
        this._end();
      } else {
        this._buffers.push(null);
        this._process();
      }
    };
    ChunkStream.prototype.destroySoon = ChunkStream.prototype.end;
    ChunkStream.prototype._end = function() {
      if (this._reads.length > 0) {
        this.emit("error", new Error("Unexpected end of input"));
      }
      this.destroy();
    };
    ChunkStream.prototype.destroy = function() {
      if (!this._buffers) {
        return;
      }
      this.writable = false;
      this._reads = null;
      this._buffers = null;
      this.emit("close");
    };
    ChunkStream.prototype._processReadAllowingLess = function(read2) {
      this._reads.shift();
      let smallerBuf = this._buffers[0];
      if (smallerBuf.length > read2.length) {
        this._buffered -= read2.length;
        this._buffers[0] = smallerBuf.slice(read2.length);
        read2.func.call(this, smallerBuf.slice(0, read2.length));
      } else {
        this._buffered -= smallerBuf.length;
        this._buffers.shift();
        read2.func.call(this, smallerBuf);
      }
    };
    ChunkStream.prototype._processRead = function(read2) {
      this._reads.shift();
      let pos = 0;
      let count = 0;
      let data = Buffer.alloc(read2.length);
      while (pos < read2.length) {
        let buf = this._buffers[count++];
        let len = Math.min(buf.length, read2.length - pos);
        buf.copy(data, pos, 0, len);
        pos += len;
        if (len !== buf.length) {
          this._buffers[--count] = buf.slice(len);
        }
      }
      if (count > 0) {
        this._buffers.splice(0, count);
      }
      this._buffered -= read2.length;
      read2.func.call(this, data);
    };
    ChunkStream.prototype._process = function() {
      try {
        while (this._buffered > 0 && this._reads && this._reads.length > 0) {
          let read2 = this._reads[0];
          if (read2.allowLess) {
            this._processReadAllowingLess(read2);
          } else if (this._buffered >= read2.length) {
            this._processRead(read2);
          } else {
            break;
          }
        }
        if (this._buffers && !this.writable) {
          this._end();
        }
      } catch (ex) {
        this.emit("error", ex);
      }
    };
  }
});

// node_modules/qrcode/node_modules/pngjs/lib/interlace.js
var require_interlace = __commonJS({
  "node_modules/qrcode/node_modules/pngjs/lib/interlace.js"(exports) {
    "use strict";
    var imagePasses = [
      {
        // pass 1 - 1px
        x: [0],
        y: [0]
      },
      {
        // pass 2 - 1px
        x: [4],
        y: [0]
      },
      {
        // pass 3 - 2px
        x: [0, 4],
        y: [4]
      },
      {
        // pass 4 - 4px
        x: [2, 6],
        y: [0, 4]
      },
      {
        // pass 5 - 8px
        x: [0, 2, 4, 6],
        y: [2, 6]
      },
      {
        // pass 6 - 16px
        x: [1, 3, 5, 7],
        y: [0, 2, 4, 6]
      },
      {
        // pass 7 - 32px
        x: [0, 1, 2, 3, 4, 5, 6, 7],
        y: [1, 3, 5, 7]
      }
    ];
    exports.getImagePasses = function(width, height) {
      let images = [];
      let xLeftOver = width % 8;
      let yLeftOver = height % 8;
      let xRepeats = (width - xLeftOver) / 8;
      let yRepeats = (height - yLeftOver) / 8;
      for (let i = 0; i < imagePasses.length; i++) {
        let pass = imagePasses[i];
        let passWidth = xRepeats * pass.x.length;
        let passHeight = yRepeats * pass.y.length;
        for (let j = 0; j < pass.x.length; j++) {
          if (pass.x[j] < xLeftOver) {
            passWidth++;
          } else {
            break;
          }
        }
        for (let j = 0; j < pass.y.length; j++) {
          if (pass.y[j] < yLeftOver) {
            passHeight++;
          } else {
            break;
          }
        }
        if (passWidth > 0 && passHeight > 0) {
          images.push({ width: passWidth, height: passHeight, index: i });
        }
      }
      return images;
    };
    exports.getInterlaceIterator = function(width) {
      return function(x, y, pass) {
        let outerXLeftOver = x % imagePasses[pass].x.length;
        let outerX = (x - outerXLeftOver) / imagePasses[pass].x.length * 8 + imagePasses[pass].x[outerXLeftOver];
        let outerYLeftOver = y % imagePasses[pass].y.length;
        let outerY = (y - outerYLeftOver) / imagePasses[pass].y.length * 8 + imagePasses[pass].y[outerYLeftOver];
        return outerX * 4 + outerY * width * 4;
      };
    };
  }
});

// node_modules/qrcode/node_modules/pngjs/lib/paeth-predictor.js
var require_paeth_predictor = __commonJS({
  "node_modules/qrcode/node_modules/pngjs/lib/paeth-predictor.js"(exports, module) {
    "use strict";
    module.exports = function paethPredictor(left, above, upLeft) {
      let paeth = left + above - upLeft;
      let pLeft = Math.abs(paeth - left);
      let pAbove = Math.abs(paeth - above);
      let pUpLeft = Math.abs(paeth - upLeft);
      if (pLeft <= pAbove && pLeft <= pUpLeft) {
        return left;
      }
      if (pAbove <= pUpLeft) {
        return above;
      }
      return upLeft;
    };
  }
});

// node_modules/qrcode/node_modules/pngjs/lib/filter-parse.js
var require_filter_parse = __commonJS({
  "node_modules/qrcode/node_modules/pngjs/lib/filter-parse.js"(exports, module) {
    "use strict";
    var interlaceUtils = require_interlace();
    var paethPredictor = require_paeth_predictor();
    function getByteWidth(width, bpp, depth) {
      let byteWidth = width * bpp;
      if (depth !== 8) {
        byteWidth = Math.ceil(byteWidth / (8 / depth));
      }
      return byteWidth;
    }
    var Filter = module.exports = function(bitmapInfo, dependencies) {
      let width = bitmapInfo.width;
      let height = bitmapInfo.height;
      let interlace = bitmapInfo.interlace;
      let bpp = bitmapInfo.bpp;
      let depth = bitmapInfo.depth;
      this.read = dependencies.read;
      this.write = dependencies.write;
      this.complete = dependencies.complete;
      this._imageIndex = 0;
      this._images = [];
      if (interlace) {
        let passes = interlaceUtils.getImagePasses(width, height);
        for (let i = 0; i < passes.length; i++) {
          this._images.push({
            byteWidth: getByteWidth(passes[i].width, bpp, depth),
            height: passes[i].height,
            lineIndex: 0
          });
        }
      } else {
        this._images.push({
          byteWidth: getByteWidth(width, bpp, depth),
          height,
          lineIndex: 0
        });
      }
      if (depth === 8) {
        this._xComparison = bpp;
      } else if (depth === 16) {
        this._xComparison = bpp * 2;
      } else {
        this._xComparison = 1;
      }
    };
    Filter.prototype.start = function() {
      this.read(
        this._images[this._imageIndex].byteWidth + 1,
        this._reverseFilterLine.bind(this)
      );
    };
    Filter.prototype._unFilterType1 = function(rawData, unfilteredLine, byteWidth) {
      let xComparison = this._xComparison;
      let xBiggerThan = xComparison - 1;
      for (let x = 0; x < byteWidth; x++) {
        let rawByte = rawData[1 + x];
        let f1Left = x > xBiggerThan ? unfilteredLine[x - xComparison] : 0;
        unfilteredLine[x] = rawByte + f1Left;
      }
    };
    Filter.prototype._unFilterType2 = function(rawData, unfilteredLine, byteWidth) {
      let lastLine = this._lastLine;
      for (let x = 0; x < byteWidth; x++) {
        let rawByte = rawData[1 + x];
        let f2Up = lastLine ? lastLine[x] : 0;
        unfilteredLine[x] = rawByte + f2Up;
      }
    };
    Filter.prototype._unFilterType3 = function(rawData, unfilteredLine, byteWidth) {
      let xComparison = this._xComparison;
      let xBiggerThan = xComparison - 1;
      let lastLine = this._lastLine;
      for (let x = 0; x < byteWidth; x++) {
        let rawByte = rawData[1 + x];
        let f3Up = lastLine ? lastLine[x] : 0;
        let f3Left = x > xBiggerThan ? unfilteredLine[x - xComparison] : 0;
        let f3Add = Math.floor((f3Left + f3Up) / 2);
        unfilteredLine[x] = rawByte + f3Add;
      }
    };
    Filter.prototype._unFilterType4 = function(rawData, unfilteredLine, byteWidth) {
      let xComparison = this._xComparison;
      let xBiggerThan = xComparison - 1;
      let lastLine = this._lastLine;
      for (let x = 0; x < byteWidth; x++) {
        let rawByte = rawData[1 + x];
        let f4Up = lastLine ? lastLine[x] : 0;
        let f4Left = x > xBiggerThan ? unfilteredLine[x - xComparison] : 0;
        let f4UpLeft = x > xBiggerThan && lastLine ? lastLine[x - xComparison] : 0;
        let f4Add = paethPredictor(f4Left, f4Up, f4UpLeft);
        unfilteredLine[x] = rawByte + f4Add;
      }
    };
    Filter.prototype._reverseFilterLine = function(rawData) {
      let filter = rawData[0];
      let unfilteredLine;
      let currentImage = this._images[this._imageIndex];
      let byteWidth = currentImage.byteWidth;
      if (filter === 0) {
        unfilteredLine = rawData.slice(1, byteWidth + 1);
      } else {
        unfilteredLine = Buffer.alloc(byteWidth);
        switch (filter) {
          case 1:
            this._unFilterType1(rawData, unfilteredLine, byteWidth);
            break;
          case 2:
            this._unFilterType2(rawData, unfilteredLine, byteWidth);
            break;
          case 3:
            this._unFilterType3(rawData, unfilteredLine, byteWidth);
            break;
          case 4:
            this._unFilterType4(rawData, unfilteredLine, byteWidth);
            break;
          default:
            throw new Error("Unrecognised filter type - " + filter);
        }
      }
      this.write(unfilteredLine);
      currentImage.lineIndex++;
      if (currentImage.lineIndex >= currentImage.height) {
        this._lastLine = null;
        this._imageIndex++;
        currentImage = this._images[this._imageIndex];
      } else {
        this._lastLine = unfilteredLine;
      }
      if (currentImage) {
        this.read(currentImage.byteWidth + 1, this._reverseFilterLine.bind(this));
      } else {
        this._lastLine = null;
        this.complete();
      }
    };
  }
});

// node_modules/qrcode/node_modules/pngjs/lib/filter-parse-async.js
var require_filter_parse_async = __commonJS({
  "node_modules/qrcode/node_modules/pngjs/lib/filter-parse-async.js"(exports, module) {
    "use strict";
    var util = __require("util");
    var ChunkStream = require_chunkstream();
    var Filter = require_filter_parse();
    var FilterAsync = module.exports = function(bitmapInfo) {
      ChunkStream.call(this);
      let buffers = [];
      let that = this;
      this._filter = new Filter(bitmapInfo, {
        read: this.read.bind(this),
        write: function(buffer) {
          buffers.push(buffer);
        },
        complete: function() {
          that.emit("complete", Buffer.concat(buffers));
        }
      });
      this._filter.start();
    };
    util.inherits(FilterAsync, ChunkStream);
  }
});

// node_modules/qrcode/node_modules/pngjs/lib/constants.js
var require_constants = __commonJS({
  "node_modules/qrcode/node_modules/pngjs/lib/constants.js"(exports, module) {
    "use strict";
    module.exports = {
      PNG_SIGNATURE: [137, 80, 78, 71, 13, 10, 26, 10],
      TYPE_IHDR: 1229472850,
      TYPE_IEND: 1229278788,
      TYPE_IDAT: 1229209940,
      TYPE_PLTE: 1347179589,
      TYPE_tRNS: 1951551059,
      // eslint-disable-line camelcase
      TYPE_gAMA: 1732332865,
      // eslint-disable-line camelcase
      // color-type bits
      COLORTYPE_GRAYSCALE: 0,
      COLORTYPE_PALETTE: 1,
      COLORTYPE_COLOR: 2,
      COLORTYPE_ALPHA: 4,
      // e.g. grayscale and alpha
      // color-type combinations
      COLORTYPE_PALETTE_COLOR: 3,
      COLORTYPE_COLOR_ALPHA: 6,
      COLORTYPE_TO_BPP_MAP: {
        0: 1,
        2: 3,
        3: 1,
        4: 2,
        6: 4
      },
      GAMMA_DIVISION: 1e5
    };
  }
});

// node_modules/qrcode/node_modules/pngjs/lib/crc.js
var require_crc = __commonJS({
  "node_modules/qrcode/node_modules/pngjs/lib/crc.js"(exports, module) {
    "use strict";
    var crcTable = [];
    (function() {
      for (let i = 0; i < 256; i++) {
        let currentCrc = i;
        for (let j = 0; j < 8; j++) {
          if (currentCrc & 1) {
            currentCrc = 3988292384 ^ currentCrc >>> 1;
          } else {
            currentCrc = currentCrc >>> 1;
          }
        }
        crcTable[i] = currentCrc;
      }
    })();
    var CrcCalculator = module.exports = function() {
      this._crc = -1;
    };
    CrcCalculator.prototype.write = function(data) {
      for (let i = 0; i < data.length; i++) {
        this._crc = crcTable[(this._crc ^ data[i]) & 255] ^ this._crc >>> 8;
      }
      return true;
    };
    CrcCalculator.prototype.crc32 = function() {
      return this._crc ^ -1;
    };
    CrcCalculator.crc32 = function(buf) {
      let crc = -1;
      for (let i = 0; i < buf.length; i++) {
        crc = crcTable[(crc ^ buf[i]) & 255] ^ crc >>> 8;
      }
      return crc ^ -1;
    };
  }
});

// node_modules/qrcode/node_modules/pngjs/lib/parser.js
var require_parser = __commonJS({
  "node_modules/qrcode/node_modules/pngjs/lib/parser.js"(exports, module) {
    "use strict";
    var constants = require_constants();
    var CrcCalculator = require_crc();
    var Parser = module.exports = function(options2, dependencies) {
      this._options = options2;
      options2.checkCRC = options2.checkCRC !== false;
      this._hasIHDR = false;
      this._hasIEND = false;
      this._emittedHeadersFinished = false;
      this._palette = [];
      this._colorType = 0;
      this._chunks = {};
      this._chunks[constants.TYPE_IHDR] = this._handleIHDR.bind(this);
      this._chunks[constants.TYPE_IEND] = this._handleIEND.bind(this);
      this._chunks[constants.TYPE_IDAT] = this._handleIDAT.bind(this);
      this._chunks[constants.TYPE_PLTE] = this._handlePLTE.bind(this);
      this._chunks[constants.TYPE_tRNS] = this._handleTRNS.bind(this);
      this._chunks[constants.TYPE_gAMA] = this._handleGAMA.bind(this);
      this.read = dependencies.read;
      this.error = dependencies.error;
      this.metadata = dependencies.metadata;
      this.gamma = dependencies.gamma;
      this.transColor = dependencies.transColor;
      this.palette = dependencies.palette;
      this.parsed = dependencies.parsed;
      this.inflateData = dependencies.inflateData;
      this.finished = dependencies.finished;
      this.simpleTransparency = dependencies.simpleTransparency;
      this.headersFinished = dependencies.headersFinished || function() {
      };
    };
    Parser.prototype.start = function() {
      this.read(constants.PNG_SIGNATURE.length, this._parseSignature.bind(this));
    };
    Parser.prototype._parseSignature = function(data) {
      let signature = constants.PNG_SIGNATURE;
      for (let i = 0; i < signature.length; i++) {
        if (data[i] !== signature[i]) {
          this.error(new Error("Invalid file signature"));
          return;
        }
      }
      this.read(8, this._parseChunkBegin.bind(this));
    };
    Parser.prototype._parseChunkBegin = function(data) {
      let length = data.readUInt32BE(0);
      let type = data.readUInt32BE(4);
      let name = "";
      for (let i = 4; i < 8; i++) {
        name += String.fromCharCode(data[i]);
      }
      let ancillary = Boolean(data[4] & 32);
      if (!this._hasIHDR && type !== constants.TYPE_IHDR) {
        this.error(new Error("Expected IHDR on beggining"));
        return;
      }
      this._crc = new CrcCalculator();
      this._crc.write(Buffer.from(name));
      if (this._chunks[type]) {
        return this._chunks[type](length);
      }
      if (!ancillary) {
        this.error(new Error("Unsupported critical chunk type " + name));
        return;
      }
      this.read(length + 4, this._skipChunk.bind(this));
    };
    Parser.prototype._skipChunk = function() {
      this.read(8, this._parseChunkBegin.bind(this));
    };
    Parser.prototype._handleChunkEnd = function() {
      this.read(4, this._parseChunkEnd.bind(this));
    };
    Parser.prototype._parseChunkEnd = function(data) {
      let fileCrc = data.readInt32BE(0);
      let calcCrc = this._crc.crc32();
      if (this._options.checkCRC && calcCrc !== fileCrc) {
        this.error(new Error("Crc error - " + fileCrc + " - " + calcCrc));
        return;
      }
      if (!this._hasIEND) {
        this.read(8, this._parseChunkBegin.bind(this));
      }
    };
    Parser.prototype._handleIHDR = function(length) {
      this.read(length, this._parseIHDR.bind(this));
    };
    Parser.prototype._parseIHDR = function(data) {
      this._crc.write(data);
      let width = data.readUInt32BE(0);
      let height = data.readUInt32BE(4);
      let depth = data[8];
      let colorType = data[9];
      let compr = data[10];
      let filter = data[11];
      let interlace = data[12];
      if (depth !== 8 && depth !== 4 && depth !== 2 && depth !== 1 && depth !== 16) {
        this.error(new Error("Unsupported bit depth " + depth));
        return;
      }
      if (!(colorType in constants.COLORTYPE_TO_BPP_MAP)) {
        this.error(new Error("Unsupported color type"));
        return;
      }
      if (compr !== 0) {
        this.error(new Error("Unsupported compression method"));
        return;
      }
      if (filter !== 0) {
        this.error(new Error("Unsupported filter method"));
        return;
      }
      if (interlace !== 0 && interlace !== 1) {
        this.error(new Error("Unsupported interlace method"));
        return;
      }
      this._colorType = colorType;
      let bpp = constants.COLORTYPE_TO_BPP_MAP[this._colorType];
      this._hasIHDR = true;
      this.metadata({
        width,
        height,
        depth,
        interlace: Boolean(interlace),
        palette: Boolean(colorType & constants.COLORTYPE_PALETTE),
        color: Boolean(colorType & constants.COLORTYPE_COLOR),
        alpha: Boolean(colorType & constants.COLORTYPE_ALPHA),
        bpp,
        colorType
      });
      this._handleChunkEnd();
    };
    Parser.prototype._handlePLTE = function(length) {
      this.read(length, this._parsePLTE.bind(this));
    };
    Parser.prototype._parsePLTE = function(data) {
      this._crc.write(data);
      let entries = Math.floor(data.length / 3);
      for (let i = 0; i < entries; i++) {
        this._palette.push([data[i * 3], data[i * 3 + 1], data[i * 3 + 2], 255]);
      }
      this.palette(this._palette);
      this._handleChunkEnd();
    };
    Parser.prototype._handleTRNS = function(length) {
      this.simpleTransparency();
      this.read(length, this._parseTRNS.bind(this));
    };
    Parser.prototype._parseTRNS = function(data) {
      this._crc.write(data);
      if (this._colorType === constants.COLORTYPE_PALETTE_COLOR) {
        if (this._palette.length === 0) {
          this.error(new Error("Transparency chunk must be after palette"));
          return;
        }
        if (data.length > this._palette.length) {
          this.error(new Error("More transparent colors than palette size"));
          return;
        }
        for (let i = 0; i < data.length; i++) {
          this._palette[i][3] = data[i];
        }
        this.palette(this._palette);
      }
      if (this._colorType === constants.COLORTYPE_GRAYSCALE) {
        this.transColor([data.readUInt16BE(0)]);
      }
      if (this._colorType === constants.COLORTYPE_COLOR) {
        this.transColor([
          data.readUInt16BE(0),
          data.readUInt16BE(2),
          data.readUInt16BE(4)
        ]);
      }
      this._handleChunkEnd();
    };
    Parser.prototype._handleGAMA = function(length) {
      this.read(length, this._parseGAMA.bind(this));
    };
    Parser.prototype._parseGAMA = function(data) {
      this._crc.write(data);
      this.gamma(data.readUInt32BE(0) / constants.GAMMA_DIVISION);
      this._handleChunkEnd();
    };
    Parser.prototype._handleIDAT = function(length) {
      if (!this._emittedHeadersFinished) {
        this._emittedHeadersFinished = true;
        this.headersFinished();
      }
      this.read(-length, this._parseIDAT.bind(this, length));
    };
    Parser.prototype._parseIDAT = function(length, data) {
      this._crc.write(data);
      if (this._colorType === constants.COLORTYPE_PALETTE_COLOR && this._palette.length === 0) {
        throw new Error("Expected palette not found");
      }
      this.inflateData(data);
      let leftOverLength = length - data.length;
      if (leftOverLength > 0) {
        this._handleIDAT(leftOverLength);
      } else {
        this._handleChunkEnd();
      }
    };
    Parser.prototype._handleIEND = function(length) {
      this.read(length, this._parseIEND.bind(this));
    };
    Parser.prototype._parseIEND = function(data) {
      this._crc.write(data);
      this._hasIEND = true;
      this._handleChunkEnd();
      if (this.finished) {
        this.finished();
      }
    };
  }
});

// node_modules/qrcode/node_modules/pngjs/lib/bitmapper.js
var require_bitmapper = __commonJS({
  "node_modules/qrcode/node_modules/pngjs/lib/bitmapper.js"(exports) {
    "use strict";
    var interlaceUtils = require_interlace();
    var pixelBppMapper = [
      // 0 - dummy entry
      function() {
      },
      // 1 - L
      // 0: 0, 1: 0, 2: 0, 3: 0xff
      function(pxData, data, pxPos, rawPos) {
        if (rawPos === data.length) {
          throw new Error("Ran out of data");
        }
        let pixel = data[rawPos];
        pxData[pxPos] = pixel;
        pxData[pxPos + 1] = pixel;
        pxData[pxPos + 2] = pixel;
        pxData[pxPos + 3] = 255;
      },
      // 2 - LA
      // 0: 0, 1: 0, 2: 0, 3: 1
      function(pxData, data, pxPos, rawPos) {
        if (rawPos + 1 >= data.length) {
          throw new Error("Ran out of data");
        }
        let pixel = data[rawPos];
        pxData[pxPos] = pixel;
        pxData[pxPos + 1] = pixel;
        pxData[pxPos + 2] = pixel;
        pxData[pxPos + 3] = data[rawPos + 1];
      },
      // 3 - RGB
      // 0: 0, 1: 1, 2: 2, 3: 0xff
      function(pxData, data, pxPos, rawPos) {
        if (rawPos + 2 >= data.length) {
          throw new Error("Ran out of data");
        }
        pxData[pxPos] = data[rawPos];
        pxData[pxPos + 1] = data[rawPos + 1];
        pxData[pxPos + 2] = data[rawPos + 2];
        pxData[pxPos + 3] = 255;
      },
      // 4 - RGBA
      // 0: 0, 1: 1, 2: 2, 3: 3
      function(pxData, data, pxPos, rawPos) {
        if (rawPos + 3 >= data.length) {
          throw new Error("Ran out of data");
        }
        pxData[pxPos] = data[rawPos];
        pxData[pxPos + 1] = data[rawPos + 1];
        pxData[pxPos + 2] = data[rawPos + 2];
        pxData[pxPos + 3] = data[rawPos + 3];
      }
    ];
    var pixelBppCustomMapper = [
      // 0 - dummy entry
      function() {
      },
      // 1 - L
      // 0: 0, 1: 0, 2: 0, 3: 0xff
      function(pxData, pixelData, pxPos, maxBit) {
        let pixel = pixelData[0];
        pxData[pxPos] = pixel;
        pxData[pxPos + 1] = pixel;
        pxData[pxPos + 2] = pixel;
        pxData[pxPos + 3] = maxBit;
      },
      // 2 - LA
      // 0: 0, 1: 0, 2: 0, 3: 1
      function(pxData, pixelData, pxPos) {
        let pixel = pixelData[0];
        pxData[pxPos] = pixel;
        pxData[pxPos + 1] = pixel;
        pxData[pxPos + 2] = pixel;
        pxData[pxPos + 3] = pixelData[1];
      },
      // 3 - RGB
      // 0: 0, 1: 1, 2: 2, 3: 0xff
      function(pxData, pixelData, pxPos, maxBit) {
        pxData[pxPos] = pixelData[0];
        pxData[pxPos + 1] = pixelData[1];
        pxData[pxPos + 2] = pixelData[2];
        pxData[pxPos + 3] = maxBit;
      },
      // 4 - RGBA
      // 0: 0, 1: 1, 2: 2, 3: 3
      function(pxData, pixelData, pxPos) {
        pxData[pxPos] = pixelData[0];
        pxData[pxPos + 1] = pixelData[1];
        pxData[pxPos + 2] = pixelData[2];
        pxData[pxPos + 3] = pixelData[3];
      }
    ];
    function bitRetriever(data, depth) {
      let leftOver = [];
      let i = 0;
      function split() {
        if (i === data.length) {
          throw new Error("Ran out of data");
        }
        let byte = data[i];
        i++;
        let byte8, byte7, byte6, byte5, byte4, byte3, byte2, byte1;
        switch (depth) {
          default:
            throw new Error("unrecognised depth");
          case 16:
            byte2 = data[i];
            i++;
            leftOver.push((byte << 8) + byte2);
            break;
          case 4:
            byte2 = byte & 15;
            byte1 = byte >> 4;
            leftOver.push(byte1, byte2);
            break;
          case 2:
            byte4 = byte & 3;
            byte3 = byte >> 2 & 3;
            byte2 = byte >> 4 & 3;
            byte1 = byte >> 6 & 3;
            leftOver.push(byte1, byte2, byte3, byte4);
            break;
          case 1:
            byte8 = byte & 1;
            byte7 = byte >> 1 & 1;
            byte6 = byte >> 2 & 1;
            byte5 = byte >> 3 & 1;
            byte4 = byte >> 4 & 1;
            byte3 = byte >> 5 & 1;
            byte2 = byte >> 6 & 1;
            byte1 = byte >> 7 & 1;
            leftOver.push(byte1, byte2, byte3, byte4, byte5, byte6, byte7, byte8);
            break;
        }
      }
      return {
        get: function(count) {
          while (leftOver.length < count) {
            split();
          }
          let returner = leftOver.slice(0, count);
          leftOver = leftOver.slice(count);
          return returner;
        },
        resetAfterLine: function() {
          leftOver.length = 0;
        },
        end: function() {
          if (i !== data.length) {
            throw new Error("extra data found");
          }
        }
      };
    }
    function mapImage8Bit(image2, pxData, getPxPos, bpp, data, rawPos) {
      let imageWidth = image2.width;
      let imageHeight = image2.height;
      let imagePass = image2.index;
      for (let y = 0; y < imageHeight; y++) {
        for (let x = 0; x < imageWidth; x++) {
          let pxPos = getPxPos(x, y, imagePass);
          pixelBppMapper[bpp](pxData, data, pxPos, rawPos);
          rawPos += bpp;
        }
      }
      return rawPos;
    }
    function mapImageCustomBit(image2, pxData, getPxPos, bpp, bits, maxBit) {
      let imageWidth = image2.width;
      let imageHeight = image2.height;
      let imagePass = image2.index;
      for (let y = 0; y < imageHeight; y++) {
        for (let x = 0; x < imageWidth; x++) {
          let pixelData = bits.get(bpp);
          let pxPos = getPxPos(x, y, imagePass);
          pixelBppCustomMapper[bpp](pxData, pixelData, pxPos, maxBit);
        }
        bits.resetAfterLine();
      }
    }
    exports.dataToBitMap = function(data, bitmapInfo) {
      let width = bitmapInfo.width;
      let height = bitmapInfo.height;
      let depth = bitmapInfo.depth;
      let bpp = bitmapInfo.bpp;
      let interlace = bitmapInfo.interlace;
      let bits;
      if (depth !== 8) {
        bits = bitRetriever(data, depth);
      }
      let pxData;
      if (depth <= 8) {
        pxData = Buffer.alloc(width * height * 4);
      } else {
        pxData = new Uint16Array(width * height * 4);
      }
      let maxBit = Math.pow(2, depth) - 1;
      let rawPos = 0;
      let images;
      let getPxPos;
      if (interlace) {
        images = interlaceUtils.getImagePasses(width, height);
        getPxPos = interlaceUtils.getInterlaceIterator(width, height);
      } else {
        let nonInterlacedPxPos = 0;
        getPxPos = function() {
          let returner = nonInterlacedPxPos;
          nonInterlacedPxPos += 4;
          return returner;
        };
        images = [{ width, height }];
      }
      for (let imageIndex = 0; imageIndex < images.length; imageIndex++) {
        if (depth === 8) {
          rawPos = mapImage8Bit(
            images[imageIndex],
            pxData,
            getPxPos,
            bpp,
            data,
            rawPos
          );
        } else {
          mapImageCustomBit(
            images[imageIndex],
            pxData,
            getPxPos,
            bpp,
            bits,
            maxBit
          );
        }
      }
      if (depth === 8) {
        if (rawPos !== data.length) {
          throw new Error("extra data found");
        }
      } else {
        bits.end();
      }
      return pxData;
    };
  }
});

// node_modules/qrcode/node_modules/pngjs/lib/format-normaliser.js
var require_format_normaliser = __commonJS({
  "node_modules/qrcode/node_modules/pngjs/lib/format-normaliser.js"(exports, module) {
    "use strict";
    function dePalette(indata, outdata, width, height, palette) {
      let pxPos = 0;
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          let color = palette[indata[pxPos]];
          if (!color) {
            throw new Error("index " + indata[pxPos] + " not in palette");
          }
          for (let i = 0; i < 4; i++) {
            outdata[pxPos + i] = color[i];
          }
          pxPos += 4;
        }
      }
    }
    function replaceTransparentColor(indata, outdata, width, height, transColor) {
      let pxPos = 0;
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          let makeTrans = false;
          if (transColor.length === 1) {
            if (transColor[0] === indata[pxPos]) {
              makeTrans = true;
            }
          } else if (transColor[0] === indata[pxPos] && transColor[1] === indata[pxPos + 1] && transColor[2] === indata[pxPos + 2]) {
            makeTrans = true;
          }
          if (makeTrans) {
            for (let i = 0; i < 4; i++) {
              outdata[pxPos + i] = 0;
            }
          }
          pxPos += 4;
        }
      }
    }
    function scaleDepth(indata, outdata, width, height, depth) {
      let maxOutSample = 255;
      let maxInSample = Math.pow(2, depth) - 1;
      let pxPos = 0;
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          for (let i = 0; i < 4; i++) {
            outdata[pxPos + i] = Math.floor(
              indata[pxPos + i] * maxOutSample / maxInSample + 0.5
            );
          }
          pxPos += 4;
        }
      }
    }
    module.exports = function(indata, imageData) {
      let depth = imageData.depth;
      let width = imageData.width;
      let height = imageData.height;
      let colorType = imageData.colorType;
      let transColor = imageData.transColor;
      let palette = imageData.palette;
      let outdata = indata;
      if (colorType === 3) {
        dePalette(indata, outdata, width, height, palette);
      } else {
        if (transColor) {
          replaceTransparentColor(indata, outdata, width, height, transColor);
        }
        if (depth !== 8) {
          if (depth === 16) {
            outdata = Buffer.alloc(width * height * 4);
          }
          scaleDepth(indata, outdata, width, height, depth);
        }
      }
      return outdata;
    };
  }
});

// node_modules/qrcode/node_modules/pngjs/lib/parser-async.js
var require_parser_async = __commonJS({
  "node_modules/qrcode/node_modules/pngjs/lib/parser-async.js"(exports, module) {
    "use strict";
    var util = __require("util");
    var zlib = __require("zlib");
    var ChunkStream = require_chunkstream();
    var FilterAsync = require_filter_parse_async();
    var Parser = require_parser();
    var bitmapper = require_bitmapper();
    var formatNormaliser = require_format_normaliser();
    var ParserAsync = module.exports = function(options2) {
      ChunkStream.call(this);
      this._parser = new Parser(options2, {
        read: this.read.bind(this),
        error: this._handleError.bind(this),
        metadata: this._handleMetaData.bind(this),
        gamma: this.emit.bind(this, "gamma"),
        palette: this._handlePalette.bind(this),
        transColor: this._handleTransColor.bind(this),
        finished: this._finished.bind(this),
        inflateData: this._inflateData.bind(this),
        simpleTransparency: this._simpleTransparency.bind(this),
        headersFinished: this._headersFinished.bind(this)
      });
      this._options = options2;
      this.writable = true;
      this._parser.start();
    };
    util.inherits(ParserAsync, ChunkStream);
    ParserAsync.prototype._handleError = function(err) {
      this.emit("error", err);
      this.writable = false;
      this.destroy();
      if (this._inflate && this._inflate.destroy) {
        this._inflate.destroy();
      }
      if (this._filter) {
        this._filter.destroy();
        this._filter.on("error", function() {
        });
      }
      this.errord = true;
    };
    ParserAsync.prototype._inflateData = function(data) {
      if (!this._inflate) {
        if (this._bitmapInfo.interlace) {
          this._inflate = zlib.createInflate();
          this._inflate.on("error", this.emit.bind(this, "error"));
          this._filter.on("complete", this._complete.bind(this));
          this._inflate.pipe(this._filter);
        } else {
          let rowSize = (this._bitmapInfo.width * this._bitmapInfo.bpp * this._bitmapInfo.depth + 7 >> 3) + 1;
          let imageSize = rowSize * this._bitmapInfo.height;
          let chunkSize = Math.max(imageSize, zlib.Z_MIN_CHUNK);
          this._inflate = zlib.createInflate({ chunkSize });
          let leftToInflate = imageSize;
          let emitError = this.emit.bind(this, "error");
          this._inflate.on("error", function(err) {
            if (!leftToInflate) {
              return;
            }
            emitError(err);
          });
          this._filter.on("complete", this._complete.bind(this));
          let filterWrite = this._filter.write.bind(this._filter);
          this._inflate.on("data", function(chunk) {
            if (!leftToInflate) {
              return;
            }
            if (chunk.length > leftToInflate) {
              chunk = chunk.slice(0, leftToInflate);
            }
            leftToInflate -= chunk.length;
            filterWrite(chunk);
          });
          this._inflate.on("end", this._filter.end.bind(this._filter));
        }
      }
      this._inflate.write(data);
    };
    ParserAsync.prototype._handleMetaData = function(metaData) {
      this._metaData = metaData;
      this._bitmapInfo = Object.create(metaData);
      this._filter = new FilterAsync(this._bitmapInfo);
    };
    ParserAsync.prototype._handleTransColor = function(transColor) {
      this._bitmapInfo.transColor = transColor;
    };
    ParserAsync.prototype._handlePalette = function(palette) {
      this._bitmapInfo.palette = palette;
    };
    ParserAsync.prototype._simpleTransparency = function() {
      this._metaData.alpha = true;
    };
    ParserAsync.prototype._headersFinished = function() {
      this.emit("metadata", this._metaData);
    };
    ParserAsync.prototype._finished = function() {
      if (this.errord) {
        return;
      }
      if (!this._inflate) {
        this.emit("error", "No Inflate block");
      } else {
        this._inflate.end();
      }
    };
    ParserAsync.prototype._complete = function(filteredData) {
      if (this.errord) {
        return;
      }
      let normalisedBitmapData;
      try {
        let bitmapData = bitmapper.dataToBitMap(filteredData, this._bitmapInfo);
        normalisedBitmapData = formatNormaliser(bitmapData, this._bitmapInfo);
        bitmapData = null;
      } catch (ex) {
        this._handleError(ex);
        return;
      }
      this.emit("parsed", normalisedBitmapData);
    };
  }
});

// node_modules/qrcode/node_modules/pngjs/lib/bitpacker.js
var require_bitpacker = __commonJS({
  "node_modules/qrcode/node_modules/pngjs/lib/bitpacker.js"(exports, module) {
    "use strict";
    var constants = require_constants();
    module.exports = function(dataIn, width, height, options2) {
      let outHasAlpha = [constants.COLORTYPE_COLOR_ALPHA, constants.COLORTYPE_ALPHA].indexOf(
        options2.colorType
      ) !== -1;
      if (options2.colorType === options2.inputColorType) {
        let bigEndian = (function() {
          let buffer = new ArrayBuffer(2);
          new DataView(buffer).setInt16(
            0,
            256,
            true
            /* littleEndian */
          );
          return new Int16Array(buffer)[0] !== 256;
        })();
        if (options2.bitDepth === 8 || options2.bitDepth === 16 && bigEndian) {
          return dataIn;
        }
      }
      let data = options2.bitDepth !== 16 ? dataIn : new Uint16Array(dataIn.buffer);
      let maxValue = 255;
      let inBpp = constants.COLORTYPE_TO_BPP_MAP[options2.inputColorType];
      if (inBpp === 4 && !options2.inputHasAlpha) {
        inBpp = 3;
      }
      let outBpp = constants.COLORTYPE_TO_BPP_MAP[options2.colorType];
      if (options2.bitDepth === 16) {
        maxValue = 65535;
        outBpp *= 2;
      }
      let outData = Buffer.alloc(width * height * outBpp);
      let inIndex = 0;
      let outIndex = 0;
      let bgColor = options2.bgColor || {};
      if (bgColor.red === void 0) {
        bgColor.red = maxValue;
      }
      if (bgColor.green === void 0) {
        bgColor.green = maxValue;
      }
      if (bgColor.blue === void 0) {
        bgColor.blue = maxValue;
      }
      function getRGBA() {
        let red;
        let green;
        let blue;
        let alpha = maxValue;
        switch (options2.inputColorType) {
          case constants.COLORTYPE_COLOR_ALPHA:
            alpha = data[inIndex + 3];
            red = data[inIndex];
            green = data[inIndex + 1];
            blue = data[inIndex + 2];
            break;
          case constants.COLORTYPE_COLOR:
            red = data[inIndex];
            green = data[inIndex + 1];
            blue = data[inIndex + 2];
            break;
          case constants.COLORTYPE_ALPHA:
            alpha = data[inIndex + 1];
            red = data[inIndex];
            green = red;
            blue = red;
            break;
          case constants.COLORTYPE_GRAYSCALE:
            red = data[inIndex];
            green = red;
            blue = red;
            break;
          default:
            throw new Error(
              "input color type:" + options2.inputColorType + " is not supported at present"
            );
        }
        if (options2.inputHasAlpha) {
          if (!outHasAlpha) {
            alpha /= maxValue;
            red = Math.min(
              Math.max(Math.round((1 - alpha) * bgColor.red + alpha * red), 0),
              maxValue
            );
            green = Math.min(
              Math.max(Math.round((1 - alpha) * bgColor.green + alpha * green), 0),
              maxValue
            );
            blue = Math.min(
              Math.max(Math.round((1 - alpha) * bgColor.blue + alpha * blue), 0),
              maxValue
            );
          }
        }
        return { red, green, blue, alpha };
      }
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          let rgba = getRGBA(data, inIndex);
          switch (options2.colorType) {
            case constants.COLORTYPE_COLOR_ALPHA:
            case constants.COLORTYPE_COLOR:
              if (options2.bitDepth === 8) {
                outData[outIndex] = rgba.red;
                outData[outIndex + 1] = rgba.green;
                outData[outIndex + 2] = rgba.blue;
                if (outHasAlpha) {
                  outData[outIndex + 3] = rgba.alpha;
                }
              } else {
                outData.writeUInt16BE(rgba.red, outIndex);
                outData.writeUInt16BE(rgba.green, outIndex + 2);
                outData.writeUInt16BE(rgba.blue, outIndex + 4);
                if (outHasAlpha) {
                  outData.writeUInt16BE(rgba.alpha, outIndex + 6);
                }
              }
              break;
            case constants.COLORTYPE_ALPHA:
            case constants.COLORTYPE_GRAYSCALE: {
              let grayscale = (rgba.red + rgba.green + rgba.blue) / 3;
              if (options2.bitDepth === 8) {
                outData[outIndex] = grayscale;
                if (outHasAlpha) {
                  outData[outIndex + 1] = rgba.alpha;
                }
              } else {
                outData.writeUInt16BE(grayscale, outIndex);
                if (outHasAlpha) {
                  outData.writeUInt16BE(rgba.alpha, outIndex + 2);
                }
              }
              break;
            }
            default:
              throw new Error("unrecognised color Type " + options2.colorType);
          }
          inIndex += inBpp;
          outIndex += outBpp;
        }
      }
      return outData;
    };
  }
});

// node_modules/qrcode/node_modules/pngjs/lib/filter-pack.js
var require_filter_pack = __commonJS({
  "node_modules/qrcode/node_modules/pngjs/lib/filter-pack.js"(exports, module) {
    "use strict";
    var paethPredictor = require_paeth_predictor();
    function filterNone(pxData, pxPos, byteWidth, rawData, rawPos) {
      for (let x = 0; x < byteWidth; x++) {
        rawData[rawPos + x] = pxData[pxPos + x];
      }
    }
    function filterSumNone(pxData, pxPos, byteWidth) {
      let sum = 0;
      let length = pxPos + byteWidth;
      for (let i = pxPos; i < length; i++) {
        sum += Math.abs(pxData[i]);
      }
      return sum;
    }
    function filterSub(pxData, pxPos, byteWidth, rawData, rawPos, bpp) {
      for (let x = 0; x < byteWidth; x++) {
        let left = x >= bpp ? pxData[pxPos + x - bpp] : 0;
        let val = pxData[pxPos + x] - left;
        rawData[rawPos + x] = val;
      }
    }
    function filterSumSub(pxData, pxPos, byteWidth, bpp) {
      let sum = 0;
      for (let x = 0; x < byteWidth; x++) {
        let left = x >= bpp ? pxData[pxPos + x - bpp] : 0;
        let val = pxData[pxPos + x] - left;
        sum += Math.abs(val);
      }
      return sum;
    }
    function filterUp(pxData, pxPos, byteWidth, rawData, rawPos) {
      for (let x = 0; x < byteWidth; x++) {
        let up = pxPos > 0 ? pxData[pxPos + x - byteWidth] : 0;
        let val = pxData[pxPos + x] - up;
        rawData[rawPos + x] = val;
      }
    }
    function filterSumUp(pxData, pxPos, byteWidth) {
      let sum = 0;
      let length = pxPos + byteWidth;
      for (let x = pxPos; x < length; x++) {
        let up = pxPos > 0 ? pxData[x - byteWidth] : 0;
        let val = pxData[x] - up;
        sum += Math.abs(val);
      }
      return sum;
    }
    function filterAvg(pxData, pxPos, byteWidth, rawData, rawPos, bpp) {
      for (let x = 0; x < byteWidth; x++) {
        let left = x >= bpp ? pxData[pxPos + x - bpp] : 0;
        let up = pxPos > 0 ? pxData[pxPos + x - byteWidth] : 0;
        let val = pxData[pxPos + x] - (left + up >> 1);
        rawData[rawPos + x] = val;
      }
    }
    function filterSumAvg(pxData, pxPos, byteWidth, bpp) {
      let sum = 0;
      for (let x = 0; x < byteWidth; x++) {
        let left = x >= bpp ? pxData[pxPos + x - bpp] : 0;
        let up = pxPos > 0 ? pxData[pxPos + x - byteWidth] : 0;
        let val = pxData[pxPos + x] - (left + up >> 1);
        sum += Math.abs(val);
      }
      return sum;
    }
    function filterPaeth(pxData, pxPos, byteWidth, rawData, rawPos, bpp) {
      for (let x = 0; x < byteWidth; x++) {
        let left = x >= bpp ? pxData[pxPos + x - bpp] : 0;
        let up = pxPos > 0 ? pxData[pxPos + x - byteWidth] : 0;
        let upleft = pxPos > 0 && x >= bpp ? pxData[pxPos + x - (byteWidth + bpp)] : 0;
        let val = pxData[pxPos + x] - paethPredictor(left, up, upleft);
        rawData[rawPos + x] = val;
      }
    }
    function filterSumPaeth(pxData, pxPos, byteWidth, bpp) {
      let sum = 0;
      for (let x = 0; x < byteWidth; x++) {
        let left = x >= bpp ? pxData[pxPos + x - bpp] : 0;
        let up = pxPos > 0 ? pxData[pxPos + x - byteWidth] : 0;
        let upleft = pxPos > 0 && x >= bpp ? pxData[pxPos + x - (byteWidth + bpp)] : 0;
        let val = pxData[pxPos + x] - paethPredictor(left, up, upleft);
        sum += Math.abs(val);
      }
      return sum;
    }
    var filters = {
      0: filterNone,
      1: filterSub,
      2: filterUp,
      3: filterAvg,
      4: filterPaeth
    };
    var filterSums = {
      0: filterSumNone,
      1: filterSumSub,
      2: filterSumUp,
      3: filterSumAvg,
      4: filterSumPaeth
    };
    module.exports = function(pxData, width, height, options2, bpp) {
      let filterTypes;
      if (!("filterType" in options2) || options2.filterType === -1) {
        filterTypes = [0, 1, 2, 3, 4];
      } else if (typeof options2.filterType === "number") {
        filterTypes = [options2.filterType];
      } else {
        throw new Error("unrecognised filter types");
      }
      if (options2.bitDepth === 16) {
        bpp *= 2;
      }
      let byteWidth = width * bpp;
      let rawPos = 0;
      let pxPos = 0;
      let rawData = Buffer.alloc((byteWidth + 1) * height);
      let sel = filterTypes[0];
      for (let y = 0; y < height; y++) {
        if (filterTypes.length > 1) {
          let min = Infinity;
          for (let i = 0; i < filterTypes.length; i++) {
            let sum = filterSums[filterTypes[i]](pxData, pxPos, byteWidth, bpp);
            if (sum < min) {
              sel = filterTypes[i];
              min = sum;
            }
          }
        }
        rawData[rawPos] = sel;
        rawPos++;
        filters[sel](pxData, pxPos, byteWidth, rawData, rawPos, bpp);
        rawPos += byteWidth;
        pxPos += byteWidth;
      }
      return rawData;
    };
  }
});

// node_modules/qrcode/node_modules/pngjs/lib/packer.js
var require_packer = __commonJS({
  "node_modules/qrcode/node_modules/pngjs/lib/packer.js"(exports, module) {
    "use strict";
    var constants = require_constants();
    var CrcStream = require_crc();
    var bitPacker = require_bitpacker();
    var filter = require_filter_pack();
    var zlib = __require("zlib");
    var Packer = module.exports = function(options2) {
      this._options = options2;
      options2.deflateChunkSize = options2.deflateChunkSize || 32 * 1024;
      options2.deflateLevel = options2.deflateLevel != null ? options2.deflateLevel : 9;
      options2.deflateStrategy = options2.deflateStrategy != null ? options2.deflateStrategy : 3;
      options2.inputHasAlpha = options2.inputHasAlpha != null ? options2.inputHasAlpha : true;
      options2.deflateFactory = options2.deflateFactory || zlib.createDeflate;
      options2.bitDepth = options2.bitDepth || 8;
      options2.colorType = typeof options2.colorType === "number" ? options2.colorType : constants.COLORTYPE_COLOR_ALPHA;
      options2.inputColorType = typeof options2.inputColorType === "number" ? options2.inputColorType : constants.COLORTYPE_COLOR_ALPHA;
      if ([
        constants.COLORTYPE_GRAYSCALE,
        constants.COLORTYPE_COLOR,
        constants.COLORTYPE_COLOR_ALPHA,
        constants.COLORTYPE_ALPHA
      ].indexOf(options2.colorType) === -1) {
        throw new Error(
          "option color type:" + options2.colorType + " is not supported at present"
        );
      }
      if ([
        constants.COLORTYPE_GRAYSCALE,
        constants.COLORTYPE_COLOR,
        constants.COLORTYPE_COLOR_ALPHA,
        constants.COLORTYPE_ALPHA
      ].indexOf(options2.inputColorType) === -1) {
        throw new Error(
          "option input color type:" + options2.inputColorType + " is not supported at present"
        );
      }
      if (options2.bitDepth !== 8 && options2.bitDepth !== 16) {
        throw new Error(
          "option bit depth:" + options2.bitDepth + " is not supported at present"
        );
      }
    };
    Packer.prototype.getDeflateOptions = function() {
      return {
        chunkSize: this._options.deflateChunkSize,
        level: this._options.deflateLevel,
        strategy: this._options.deflateStrategy
      };
    };
    Packer.prototype.createDeflate = function() {
      return this._options.deflateFactory(this.getDeflateOptions());
    };
    Packer.prototype.filterData = function(data, width, height) {
      let packedData = bitPacker(data, width, height, this._options);
      let bpp = constants.COLORTYPE_TO_BPP_MAP[this._options.colorType];
      let filteredData = filter(packedData, width, height, this._options, bpp);
      return filteredData;
    };
    Packer.prototype._packChunk = function(type, data) {
      let len = data ? data.length : 0;
      let buf = Buffer.alloc(len + 12);
      buf.writeUInt32BE(len, 0);
      buf.writeUInt32BE(type, 4);
      if (data) {
        data.copy(buf, 8);
      }
      buf.writeInt32BE(
        CrcStream.crc32(buf.slice(4, buf.length - 4)),
        buf.length - 4
      );
      return buf;
    };
    Packer.prototype.packGAMA = function(gamma) {
      let buf = Buffer.alloc(4);
      buf.writeUInt32BE(Math.floor(gamma * constants.GAMMA_DIVISION), 0);
      return this._packChunk(constants.TYPE_gAMA, buf);
    };
    Packer.prototype.packIHDR = function(width, height) {
      let buf = Buffer.alloc(13);
      buf.writeUInt32BE(width, 0);
      buf.writeUInt32BE(height, 4);
      buf[8] = this._options.bitDepth;
      buf[9] = this._options.colorType;
      buf[10] = 0;
      buf[11] = 0;
      buf[12] = 0;
      return this._packChunk(constants.TYPE_IHDR, buf);
    };
    Packer.prototype.packIDAT = function(data) {
      return this._packChunk(constants.TYPE_IDAT, data);
    };
    Packer.prototype.packIEND = function() {
      return this._packChunk(constants.TYPE_IEND, null);
    };
  }
});

// node_modules/qrcode/node_modules/pngjs/lib/packer-async.js
var require_packer_async = __commonJS({
  "node_modules/qrcode/node_modules/pngjs/lib/packer-async.js"(exports, module) {
    "use strict";
    var util = __require("util");
    var Stream = __require("stream");
    var constants = require_constants();
    var Packer = require_packer();
    var PackerAsync = module.exports = function(opt) {
      Stream.call(this);
      let options2 = opt || {};
      this._packer = new Packer(options2);
      this._deflate = this._packer.createDeflate();
      this.readable = true;
    };
    util.inherits(PackerAsync, Stream);
    PackerAsync.prototype.pack = function(data, width, height, gamma) {
      this.emit("data", Buffer.from(constants.PNG_SIGNATURE));
      this.emit("data", this._packer.packIHDR(width, height));
      if (gamma) {
        this.emit("data", this._packer.packGAMA(gamma));
      }
      let filteredData = this._packer.filterData(data, width, height);
      this._deflate.on("error", this.emit.bind(this, "error"));
      this._deflate.on(
        "data",
        function(compressedData) {
          this.emit("data", this._packer.packIDAT(compressedData));
        }.bind(this)
      );
      this._deflate.on(
        "end",
        function() {
          this.emit("data", this._packer.packIEND());
          this.emit("end");
        }.bind(this)
      );
      this._deflate.end(filteredData);
    };
  }
});

// node_modules/qrcode/node_modules/pngjs/lib/sync-inflate.js
var require_sync_inflate = __commonJS({
  "node_modules/qrcode/node_modules/pngjs/lib/sync-inflate.js"(exports, module) {
    "use strict";
    var assert = __require("assert").ok;
    var zlib = __require("zlib");
    var util = __require("util");
    var kMaxLength = __require("buffer").kMaxLength;
    function Inflate(opts) {
      if (!(this instanceof Inflate)) {
        return new Inflate(opts);
      }
      if (opts && opts.chunkSize < zlib.Z_MIN_CHUNK) {
        opts.chunkSize = zlib.Z_MIN_CHUNK;
      }
      zlib.Inflate.call(this, opts);
      this._offset = this._offset === void 0 ? this._outOffset : this._offset;
      this._buffer = this._buffer || this._outBuffer;
      if (opts && opts.maxLength != null) {
        this._maxLength = opts.maxLength;
      }
    }
    function createInflate(opts) {
      return new Inflate(opts);
    }
    function _close(engine, callback) {
      if (callback) {
        process.nextTick(callback);
      }
      if (!engine._handle) {
        return;
      }
      engine._handle.close();
      engine._handle = null;
    }
    Inflate.prototype._processChunk = function(chunk, flushFlag, asyncCb) {
      if (typeof asyncCb === "function") {
        return zlib.Inflate._processChunk.call(this, chunk, flushFlag, asyncCb);
      }
      let self = this;
      let availInBefore = chunk && chunk.length;
      let availOutBefore = this._chunkSize - this._offset;
      let leftToInflate = this._maxLength;
      let inOff = 0;
      let buffers = [];
      let nread = 0;
      let error;
      this.on("error", function(err) {
        error = err;
      });
      function handleChunk(availInAfter, availOutAfter) {
        if (self._hadError) {
          return;
        }
        let have = availOutBefore - availOutAfter;
        assert(have >= 0, "have should not go down");
        if (have > 0) {
          let out = self._buffer.slice(self._offset, self._offset + have);
          self._offset += have;
          if (out.length > leftToInflate) {
            out = out.slice(0, leftToInflate);
          }
          buffers.push(out);
          nread += out.length;
          leftToInflate -= out.length;
          if (leftToInflate === 0) {
            return false;
          }
        }
        if (availOutAfter === 0 || self._offset >= self._chunkSize) {
          availOutBefore = self._chunkSize;
          self._offset = 0;
          self._buffer = Buffer.allocUnsafe(self._chunkSize);
        }
        if (availOutAfter === 0) {
          inOff += availInBefore - availInAfter;
          availInBefore = availInAfter;
          return true;
        }
        return false;
      }
      assert(this._handle, "zlib binding closed");
      let res;
      do {
        res = this._handle.writeSync(
          flushFlag,
          chunk,
          // in
          inOff,
          // in_off
          availInBefore,
          // in_len
          this._buffer,
          // out
          this._offset,
          //out_off
          availOutBefore
        );
        res = res || this._writeState;
      } while (!this._hadError && handleChunk(res[0], res[1]));
      if (this._hadError) {
        throw error;
      }
      if (nread >= kMaxLength) {
        _close(this);
        throw new RangeError(
          "Cannot create final Buffer. It would be larger than 0x" + kMaxLength.toString(16) + " bytes"
        );
      }
      let buf = Buffer.concat(buffers, nread);
      _close(this);
      return buf;
    };
    util.inherits(Inflate, zlib.Inflate);
    function zlibBufferSync(engine, buffer) {
      if (typeof buffer === "string") {
        buffer = Buffer.from(buffer);
      }
      if (!(buffer instanceof Buffer)) {
        throw new TypeError("Not a string or buffer");
      }
      let flushFlag = engine._finishFlushFlag;
      if (flushFlag == null) {
        flushFlag = zlib.Z_FINISH;
      }
      return engine._processChunk(buffer, flushFlag);
    }
    function inflateSync(buffer, opts) {
      return zlibBufferSync(new Inflate(opts), buffer);
    }
    module.exports = exports = inflateSync;
    exports.Inflate = Inflate;
    exports.createInflate = createInflate;
    exports.inflateSync = inflateSync;
  }
});

// node_modules/qrcode/node_modules/pngjs/lib/sync-reader.js
var require_sync_reader = __commonJS({
  "node_modules/qrcode/node_modules/pngjs/lib/sync-reader.js"(exports, module) {
    "use strict";
    var SyncReader = module.exports = function(buffer) {
      this._buffer = buffer;
      this._reads = [];
    };
    SyncReader.prototype.read = function(length, callback) {
      this._reads.push({
        length: Math.abs(length),
        // if length < 0 then at most this length
        allowLess: length < 0,
        func: callback
      });
    };
    SyncReader.prototype.process = function() {
      while (this._reads.length > 0 && this._buffer.length) {
        let read2 = this._reads[0];
        if (this._buffer.length && (this._buffer.length >= read2.length || read2.allowLess)) {
          this._reads.shift();
          let buf = this._buffer;
          this._buffer = buf.slice(read2.length);
          read2.func.call(this, buf.slice(0, read2.length));
        } else {
          break;
        }
      }
      if (this._reads.length > 0) {
        return new Error("There are some read requests waitng on finished stream");
      }
      if (this._buffer.length > 0) {
        return new Error("unrecognised content at end of stream");
      }
    };
  }
});

// node_modules/qrcode/node_modules/pngjs/lib/filter-parse-sync.js
var require_filter_parse_sync = __commonJS({
  "node_modules/qrcode/node_modules/pngjs/lib/filter-parse-sync.js"(exports) {
    "use strict";
    var SyncReader = require_sync_reader();
    var Filter = require_filter_parse();
    exports.process = function(inBuffer, bitmapInfo) {
      let outBuffers = [];
      let reader = new SyncReader(inBuffer);
      let filter = new Filter(bitmapInfo, {
        read: reader.read.bind(reader),
        write: function(bufferPart) {
          outBuffers.push(bufferPart);
        },
        complete: function() {
        }
      });
      filter.start();
      reader.process();
      return Buffer.concat(outBuffers);
    };
  }
});

// node_modules/qrcode/node_modules/pngjs/lib/parser-sync.js
var require_parser_sync = __commonJS({
  "node_modules/qrcode/node_modules/pngjs/lib/parser-sync.js"(exports, module) {
    "use strict";
    var hasSyncZlib = true;
    var zlib = __require("zlib");
    var inflateSync = require_sync_inflate();
    if (!zlib.deflateSync) {
      hasSyncZlib = false;
    }
    var SyncReader = require_sync_reader();
    var FilterSync = require_filter_parse_sync();
    var Parser = require_parser();
    var bitmapper = require_bitmapper();
    var formatNormaliser = require_format_normaliser();
    module.exports = function(buffer, options2) {
      if (!hasSyncZlib) {
        throw new Error(
          "To use the sync capability of this library in old node versions, please pin pngjs to v2.3.0"
        );
      }
      let err;
      function handleError(_err_) {
        err = _err_;
      }
      let metaData;
      function handleMetaData(_metaData_) {
        metaData = _metaData_;
      }
      function handleTransColor(transColor) {
        metaData.transColor = transColor;
      }
      function handlePalette(palette) {
        metaData.palette = palette;
      }
      function handleSimpleTransparency() {
        metaData.alpha = true;
      }
      let gamma;
      function handleGamma(_gamma_) {
        gamma = _gamma_;
      }
      let inflateDataList = [];
      function handleInflateData(inflatedData2) {
        inflateDataList.push(inflatedData2);
      }
      let reader = new SyncReader(buffer);
      let parser = new Parser(options2, {
        read: reader.read.bind(reader),
        error: handleError,
        metadata: handleMetaData,
        gamma: handleGamma,
        palette: handlePalette,
        transColor: handleTransColor,
        inflateData: handleInflateData,
        simpleTransparency: handleSimpleTransparency
      });
      parser.start();
      reader.process();
      if (err) {
        throw err;
      }
      let inflateData = Buffer.concat(inflateDataList);
      inflateDataList.length = 0;
      let inflatedData;
      if (metaData.interlace) {
        inflatedData = zlib.inflateSync(inflateData);
      } else {
        let rowSize = (metaData.width * metaData.bpp * metaData.depth + 7 >> 3) + 1;
        let imageSize = rowSize * metaData.height;
        inflatedData = inflateSync(inflateData, {
          chunkSize: imageSize,
          maxLength: imageSize
        });
      }
      inflateData = null;
      if (!inflatedData || !inflatedData.length) {
        throw new Error("bad png - invalid inflate data response");
      }
      let unfilteredData = FilterSync.process(inflatedData, metaData);
      inflateData = null;
      let bitmapData = bitmapper.dataToBitMap(unfilteredData, metaData);
      unfilteredData = null;
      let normalisedBitmapData = formatNormaliser(bitmapData, metaData);
      metaData.data = normalisedBitmapData;
      metaData.gamma = gamma || 0;
      return metaData;
    };
  }
});

// node_modules/qrcode/node_modules/pngjs/lib/packer-sync.js
var require_packer_sync = __commonJS({
  "node_modules/qrcode/node_modules/pngjs/lib/packer-sync.js"(exports, module) {
    "use strict";
    var hasSyncZlib = true;
    var zlib = __require("zlib");
    if (!zlib.deflateSync) {
      hasSyncZlib = false;
    }
    var constants = require_constants();
    var Packer = require_packer();
    module.exports = function(metaData, opt) {
      if (!hasSyncZlib) {
        throw new Error(
          "To use the sync capability of this library in old node versions, please pin pngjs to v2.3.0"
        );
      }
      let options2 = opt || {};
      let packer = new Packer(options2);
      let chunks = [];
      chunks.push(Buffer.from(constants.PNG_SIGNATURE));
      chunks.push(packer.packIHDR(metaData.width, metaData.height));
      if (metaData.gamma) {
        chunks.push(packer.packGAMA(metaData.gamma));
      }
      let filteredData = packer.filterData(
        metaData.data,
        metaData.width,
        metaData.height
      );
      let compressedData = zlib.deflateSync(
        filteredData,
        packer.getDeflateOptions()
      );
      filteredData = null;
      if (!compressedData || !compressedData.length) {
        throw new Error("bad png - invalid compressed data response");
      }
      chunks.push(packer.packIDAT(compressedData));
      chunks.push(packer.packIEND());
      return Buffer.concat(chunks);
    };
  }
});

// node_modules/qrcode/node_modules/pngjs/lib/png-sync.js
var require_png_sync = __commonJS({
  "node_modules/qrcode/node_modules/pngjs/lib/png-sync.js"(exports) {
    "use strict";
    var parse = require_parser_sync();
    var pack = require_packer_sync();
    exports.read = function(buffer, options2) {
      return parse(buffer, options2 || {});
    };
    exports.write = function(png, options2) {
      return pack(png, options2);
    };
  }
});

// node_modules/qrcode/node_modules/pngjs/lib/png.js
var require_png2 = __commonJS({
  "node_modules/qrcode/node_modules/pngjs/lib/png.js"(exports) {
    "use strict";
    var util = __require("util");
    var Stream = __require("stream");
    var Parser = require_parser_async();
    var Packer = require_packer_async();
    var PNGSync = require_png_sync();
    var PNG2 = exports.PNG = function(options2) {
      Stream.call(this);
      options2 = options2 || {};
      this.width = options2.width | 0;
      this.height = options2.height | 0;
      this.data = this.width > 0 && this.height > 0 ? Buffer.alloc(4 * this.width * this.height) : null;
      if (options2.fill && this.data) {
        this.data.fill(0);
      }
      this.gamma = 0;
      this.readable = this.writable = true;
      this._parser = new Parser(options2);
      this._parser.on("error", this.emit.bind(this, "error"));
      this._parser.on("close", this._handleClose.bind(this));
      this._parser.on("metadata", this._metadata.bind(this));
      this._parser.on("gamma", this._gamma.bind(this));
      this._parser.on(
        "parsed",
        function(data) {
          this.data = data;
          this.emit("parsed", data);
        }.bind(this)
      );
      this._packer = new Packer(options2);
      this._packer.on("data", this.emit.bind(this, "data"));
      this._packer.on("end", this.emit.bind(this, "end"));
      this._parser.on("close", this._handleClose.bind(this));
      this._packer.on("error", this.emit.bind(this, "error"));
    };
    util.inherits(PNG2, Stream);
    PNG2.sync = PNGSync;
    PNG2.prototype.pack = function() {
      if (!this.data || !this.data.length) {
        this.emit("error", "No data provided");
        return this;
      }
      process.nextTick(
        function() {
          this._packer.pack(this.data, this.width, this.height, this.gamma);
        }.bind(this)
      );
      return this;
    };
    PNG2.prototype.parse = function(data, callback) {
      if (callback) {
        let onParsed, onError;
        onParsed = function(parsedData) {
          this.removeListener("error", onError);
          this.data = parsedData;
          callback(null, this);
        }.bind(this);
        onError = function(err) {
          this.removeListener("parsed", onParsed);
          callback(err, null);
        }.bind(this);
        this.once("parsed", onParsed);
        this.once("error", onError);
      }
      this.end(data);
      return this;
    };
    PNG2.prototype.write = function(data) {
      this._parser.write(data);
      return true;
    };
    PNG2.prototype.end = function(data) {
      this._parser.end(data);
    };
    PNG2.prototype._metadata = function(metadata) {
      this.width = metadata.width;
      this.height = metadata.height;
      this.emit("metadata", metadata);
    };
    PNG2.prototype._gamma = function(gamma) {
      this.gamma = gamma;
    };
    PNG2.prototype._handleClose = function() {
      if (!this._parser.writable && !this._packer.readable) {
        this.emit("close");
      }
    };
    PNG2.bitblt = function(src, dst, srcX, srcY, width, height, deltaX, deltaY) {
      srcX |= 0;
      srcY |= 0;
      width |= 0;
      height |= 0;
      deltaX |= 0;
      deltaY |= 0;
      if (srcX > src.width || srcY > src.height || srcX + width > src.width || srcY + height > src.height) {
        throw new Error("bitblt reading outside image");
      }
      if (deltaX > dst.width || deltaY > dst.height || deltaX + width > dst.width || deltaY + height > dst.height) {
        throw new Error("bitblt writing outside image");
      }
      for (let y = 0; y < height; y++) {
        src.data.copy(
          dst.data,
          (deltaY + y) * dst.width + deltaX << 2,
          (srcY + y) * src.width + srcX << 2,
          (srcY + y) * src.width + srcX + width << 2
        );
      }
    };
    PNG2.prototype.bitblt = function(dst, srcX, srcY, width, height, deltaX, deltaY) {
      PNG2.bitblt(this, dst, srcX, srcY, width, height, deltaX, deltaY);
      return this;
    };
    PNG2.adjustGamma = function(src) {
      if (src.gamma) {
        for (let y = 0; y < src.height; y++) {
          for (let x = 0; x < src.width; x++) {
            let idx = src.width * y + x << 2;
            for (let i = 0; i < 3; i++) {
              let sample = src.data[idx + i] / 255;
              sample = Math.pow(sample, 1 / 2.2 / src.gamma);
              src.data[idx + i] = Math.round(sample * 255);
            }
          }
        }
        src.gamma = 0;
      }
    };
    PNG2.prototype.adjustGamma = function() {
      PNG2.adjustGamma(this);
    };
  }
});

// node_modules/qrcode/lib/renderer/utils.js
var require_utils2 = __commonJS({
  "node_modules/qrcode/lib/renderer/utils.js"(exports) {
    function hex2rgba(hex) {
      if (typeof hex === "number") {
        hex = hex.toString();
      }
      if (typeof hex !== "string") {
        throw new Error("Color should be defined as hex string");
      }
      let hexCode = hex.slice().replace("#", "").split("");
      if (hexCode.length < 3 || hexCode.length === 5 || hexCode.length > 8) {
        throw new Error("Invalid hex color: " + hex);
      }
      if (hexCode.length === 3 || hexCode.length === 4) {
        hexCode = Array.prototype.concat.apply([], hexCode.map(function(c) {
          return [c, c];
        }));
      }
      if (hexCode.length === 6) hexCode.push("F", "F");
      const hexValue = parseInt(hexCode.join(""), 16);
      return {
        r: hexValue >> 24 & 255,
        g: hexValue >> 16 & 255,
        b: hexValue >> 8 & 255,
        a: hexValue & 255,
        hex: "#" + hexCode.slice(0, 6).join("")
      };
    }
    exports.getOptions = function getOptions(options2) {
      if (!options2) options2 = {};
      if (!options2.color) options2.color = {};
      const margin = typeof options2.margin === "undefined" || options2.margin === null || options2.margin < 0 ? 4 : options2.margin;
      const width = options2.width && options2.width >= 21 ? options2.width : void 0;
      const scale = options2.scale || 4;
      return {
        width,
        scale: width ? 4 : scale,
        margin,
        color: {
          dark: hex2rgba(options2.color.dark || "#000000ff"),
          light: hex2rgba(options2.color.light || "#ffffffff")
        },
        type: options2.type,
        rendererOpts: options2.rendererOpts || {}
      };
    };
    exports.getScale = function getScale(qrSize, opts) {
      return opts.width && opts.width >= qrSize + opts.margin * 2 ? opts.width / (qrSize + opts.margin * 2) : opts.scale;
    };
    exports.getImageWidth = function getImageWidth(qrSize, opts) {
      const scale = exports.getScale(qrSize, opts);
      return Math.floor((qrSize + opts.margin * 2) * scale);
    };
    exports.qrToImageData = function qrToImageData(imgData, qr, opts) {
      const size = qr.modules.size;
      const data = qr.modules.data;
      const scale = exports.getScale(size, opts);
      const symbolSize = Math.floor((size + opts.margin * 2) * scale);
      const scaledMargin = opts.margin * scale;
      const palette = [opts.color.light, opts.color.dark];
      for (let i = 0; i < symbolSize; i++) {
        for (let j = 0; j < symbolSize; j++) {
          let posDst = (i * symbolSize + j) * 4;
          let pxColor = opts.color.light;
          if (i >= scaledMargin && j >= scaledMargin && i < symbolSize - scaledMargin && j < symbolSize - scaledMargin) {
            const iSrc = Math.floor((i - scaledMargin) / scale);
            const jSrc = Math.floor((j - scaledMargin) / scale);
            pxColor = palette[data[iSrc * size + jSrc] ? 1 : 0];
          }
          imgData[posDst++] = pxColor.r;
          imgData[posDst++] = pxColor.g;
          imgData[posDst++] = pxColor.b;
          imgData[posDst] = pxColor.a;
        }
      }
    };
  }
});

// node_modules/qrcode/lib/renderer/png.js
var require_png3 = __commonJS({
  "node_modules/qrcode/lib/renderer/png.js"(exports) {
    var fs = __require("fs");
    var PNG2 = require_png2().PNG;
    var Utils = require_utils2();
    exports.render = function render(qrData, options2) {
      const opts = Utils.getOptions(options2);
      const pngOpts = opts.rendererOpts;
      const size = Utils.getImageWidth(qrData.modules.size, opts);
      pngOpts.width = size;
      pngOpts.height = size;
      const pngImage = new PNG2(pngOpts);
      Utils.qrToImageData(pngImage.data, qrData, opts);
      return pngImage;
    };
    exports.renderToDataURL = function renderToDataURL(qrData, options2, cb) {
      if (typeof cb === "undefined") {
        cb = options2;
        options2 = void 0;
      }
      exports.renderToBuffer(qrData, options2, function(err, output) {
        if (err) cb(err);
        let url = "data:image/png;base64,";
        url += output.toString("base64");
        cb(null, url);
      });
    };
    exports.renderToBuffer = function renderToBuffer(qrData, options2, cb) {
      if (typeof cb === "undefined") {
        cb = options2;
        options2 = void 0;
      }
      const png = exports.render(qrData, options2);
      const buffer = [];
      png.on("error", cb);
      png.on("data", function(data) {
        buffer.push(data);
      });
      png.on("end", function() {
        cb(null, Buffer.concat(buffer));
      });
      png.pack();
    };
    exports.renderToFile = function renderToFile(path, qrData, options2, cb) {
      if (typeof cb === "undefined") {
        cb = options2;
        options2 = void 0;
      }
      let called = false;
      const done = (...args) => {
        if (called) return;
        called = true;
        cb.apply(null, args);
      };
      const stream = fs.createWriteStream(path);
      stream.on("error", done);
      stream.on("close", done);
      exports.renderToFileStream(stream, qrData, options2);
    };
    exports.renderToFileStream = function renderToFileStream(stream, qrData, options2) {
      const png = exports.render(qrData, options2);
      png.pack().pipe(stream);
    };
  }
});

// node_modules/qrcode/lib/renderer/utf8.js
var require_utf8 = __commonJS({
  "node_modules/qrcode/lib/renderer/utf8.js"(exports) {
    var Utils = require_utils2();
    var BLOCK_CHAR = {
      WW: " ",
      WB: "\u2584",
      BB: "\u2588",
      BW: "\u2580"
    };
    var INVERTED_BLOCK_CHAR = {
      BB: " ",
      BW: "\u2584",
      WW: "\u2588",
      WB: "\u2580"
    };
    function getBlockChar(top, bottom, blocks) {
      if (top && bottom) return blocks.BB;
      if (top && !bottom) return blocks.BW;
      if (!top && bottom) return blocks.WB;
      return blocks.WW;
    }
    exports.render = function(qrData, options2, cb) {
      const opts = Utils.getOptions(options2);
      let blocks = BLOCK_CHAR;
      if (opts.color.dark.hex === "#ffffff" || opts.color.light.hex === "#000000") {
        blocks = INVERTED_BLOCK_CHAR;
      }
      const size = qrData.modules.size;
      const data = qrData.modules.data;
      let output = "";
      let hMargin = Array(size + opts.margin * 2 + 1).join(blocks.WW);
      hMargin = Array(opts.margin / 2 + 1).join(hMargin + "\n");
      const vMargin = Array(opts.margin + 1).join(blocks.WW);
      output += hMargin;
      for (let i = 0; i < size; i += 2) {
        output += vMargin;
        for (let j = 0; j < size; j++) {
          const topModule = data[i * size + j];
          const bottomModule = data[(i + 1) * size + j];
          output += getBlockChar(topModule, bottomModule, blocks);
        }
        output += vMargin + "\n";
      }
      output += hMargin.slice(0, -1);
      if (typeof cb === "function") {
        cb(null, output);
      }
      return output;
    };
    exports.renderToFile = function renderToFile(path, qrData, options2, cb) {
      if (typeof cb === "undefined") {
        cb = options2;
        options2 = void 0;
      }
      const fs = __require("fs");
      const utf8 = exports.render(qrData, options2);
      fs.writeFile(path, utf8, cb);
    };
  }
});

// node_modules/qrcode/lib/renderer/terminal/terminal.js
var require_terminal = __commonJS({
  "node_modules/qrcode/lib/renderer/terminal/terminal.js"(exports) {
    exports.render = function(qrData, options2, cb) {
      const size = qrData.modules.size;
      const data = qrData.modules.data;
      const black = "\x1B[40m  \x1B[0m";
      const white = "\x1B[47m  \x1B[0m";
      let output = "";
      const hMargin = Array(size + 3).join(white);
      const vMargin = Array(2).join(white);
      output += hMargin + "\n";
      for (let i = 0; i < size; ++i) {
        output += white;
        for (let j = 0; j < size; j++) {
          output += data[i * size + j] ? black : white;
        }
        output += vMargin + "\n";
      }
      output += hMargin + "\n";
      if (typeof cb === "function") {
        cb(null, output);
      }
      return output;
    };
  }
});

// node_modules/qrcode/lib/renderer/terminal/terminal-small.js
var require_terminal_small = __commonJS({
  "node_modules/qrcode/lib/renderer/terminal/terminal-small.js"(exports) {
    var backgroundWhite = "\x1B[47m";
    var backgroundBlack = "\x1B[40m";
    var foregroundWhite = "\x1B[37m";
    var foregroundBlack = "\x1B[30m";
    var reset = "\x1B[0m";
    var lineSetupNormal = backgroundWhite + foregroundBlack;
    var lineSetupInverse = backgroundBlack + foregroundWhite;
    var createPalette = function(lineSetup, foregroundWhite2, foregroundBlack2) {
      return {
        // 1 ... white, 2 ... black, 0 ... transparent (default)
        "00": reset + " " + lineSetup,
        "01": reset + foregroundWhite2 + "\u2584" + lineSetup,
        "02": reset + foregroundBlack2 + "\u2584" + lineSetup,
        10: reset + foregroundWhite2 + "\u2580" + lineSetup,
        11: " ",
        12: "\u2584",
        20: reset + foregroundBlack2 + "\u2580" + lineSetup,
        21: "\u2580",
        22: "\u2588"
      };
    };
    var mkCodePixel = function(modules, size, x, y) {
      const sizePlus = size + 1;
      if (x >= sizePlus || y >= sizePlus || y < -1 || x < -1) return "0";
      if (x >= size || y >= size || y < 0 || x < 0) return "1";
      const idx = y * size + x;
      return modules[idx] ? "2" : "1";
    };
    var mkCode = function(modules, size, x, y) {
      return mkCodePixel(modules, size, x, y) + mkCodePixel(modules, size, x, y + 1);
    };
    exports.render = function(qrData, options2, cb) {
      const size = qrData.modules.size;
      const data = qrData.modules.data;
      const inverse = !!(options2 && options2.inverse);
      const lineSetup = options2 && options2.inverse ? lineSetupInverse : lineSetupNormal;
      const white = inverse ? foregroundBlack : foregroundWhite;
      const black = inverse ? foregroundWhite : foregroundBlack;
      const palette = createPalette(lineSetup, white, black);
      const newLine = reset + "\n" + lineSetup;
      let output = lineSetup;
      for (let y = -1; y < size + 1; y += 2) {
        for (let x = -1; x < size; x++) {
          output += palette[mkCode(data, size, x, y)];
        }
        output += palette[mkCode(data, size, size, y)] + newLine;
      }
      output += reset;
      if (typeof cb === "function") {
        cb(null, output);
      }
      return output;
    };
  }
});

// node_modules/qrcode/lib/renderer/terminal.js
var require_terminal2 = __commonJS({
  "node_modules/qrcode/lib/renderer/terminal.js"(exports) {
    var big = require_terminal();
    var small = require_terminal_small();
    exports.render = function(qrData, options2, cb) {
      if (options2 && options2.small) {
        return small.render(qrData, options2, cb);
      }
      return big.render(qrData, options2, cb);
    };
  }
});

// node_modules/qrcode/lib/renderer/svg-tag.js
var require_svg_tag = __commonJS({
  "node_modules/qrcode/lib/renderer/svg-tag.js"(exports) {
    var Utils = require_utils2();
    function getColorAttrib(color, attrib) {
      const alpha = color.a / 255;
      const str = attrib + '="' + color.hex + '"';
      return alpha < 1 ? str + " " + attrib + '-opacity="' + alpha.toFixed(2).slice(1) + '"' : str;
    }
    function svgCmd(cmd, x, y) {
      let str = cmd + x;
      if (typeof y !== "undefined") str += " " + y;
      return str;
    }
    function qrToPath(data, size, margin) {
      let path = "";
      let moveBy = 0;
      let newRow = false;
      let lineLength = 0;
      for (let i = 0; i < data.length; i++) {
        const col = Math.floor(i % size);
        const row2 = Math.floor(i / size);
        if (!col && !newRow) newRow = true;
        if (data[i]) {
          lineLength++;
          if (!(i > 0 && col > 0 && data[i - 1])) {
            path += newRow ? svgCmd("M", col + margin, 0.5 + row2 + margin) : svgCmd("m", moveBy, 0);
            moveBy = 0;
            newRow = false;
          }
          if (!(col + 1 < size && data[i + 1])) {
            path += svgCmd("h", lineLength);
            lineLength = 0;
          }
        } else {
          moveBy++;
        }
      }
      return path;
    }
    exports.render = function render(qrData, options2, cb) {
      const opts = Utils.getOptions(options2);
      const size = qrData.modules.size;
      const data = qrData.modules.data;
      const qrcodesize = size + opts.margin * 2;
      const bg = !opts.color.light.a ? "" : "<path " + getColorAttrib(opts.color.light, "fill") + ' d="M0 0h' + qrcodesize + "v" + qrcodesize + 'H0z"/>';
      const path = "<path " + getColorAttrib(opts.color.dark, "stroke") + ' d="' + qrToPath(data, size, opts.margin) + '"/>';
      const viewBox = 'viewBox="0 0 ' + qrcodesize + " " + qrcodesize + '"';
      const width = !opts.width ? "" : 'width="' + opts.width + '" height="' + opts.width + '" ';
      const svgTag = '<svg xmlns="http://www.w3.org/2000/svg" ' + width + viewBox + ' shape-rendering="crispEdges">' + bg + path + "</svg>\n";
      if (typeof cb === "function") {
        cb(null, svgTag);
      }
      return svgTag;
    };
  }
});

// node_modules/qrcode/lib/renderer/svg.js
var require_svg = __commonJS({
  "node_modules/qrcode/lib/renderer/svg.js"(exports) {
    var svgTagRenderer = require_svg_tag();
    exports.render = svgTagRenderer.render;
    exports.renderToFile = function renderToFile(path, qrData, options2, cb) {
      if (typeof cb === "undefined") {
        cb = options2;
        options2 = void 0;
      }
      const fs = __require("fs");
      const svgTag = exports.render(qrData, options2);
      const xmlStr = '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">' + svgTag;
      fs.writeFile(path, xmlStr, cb);
    };
  }
});

// node_modules/qrcode/lib/renderer/canvas.js
var require_canvas = __commonJS({
  "node_modules/qrcode/lib/renderer/canvas.js"(exports) {
    var Utils = require_utils2();
    function clearCanvas(ctx, canvas, size) {
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      if (!canvas.style) canvas.style = {};
      canvas.height = size;
      canvas.width = size;
      canvas.style.height = size + "px";
      canvas.style.width = size + "px";
    }
    function getCanvasElement() {
      try {
        return document.createElement("canvas");
      } catch (e) {
        throw new Error("You need to specify a canvas element");
      }
    }
    exports.render = function render(qrData, canvas, options2) {
      let opts = options2;
      let canvasEl = canvas;
      if (typeof opts === "undefined" && (!canvas || !canvas.getContext)) {
        opts = canvas;
        canvas = void 0;
      }
      if (!canvas) {
        canvasEl = getCanvasElement();
      }
      opts = Utils.getOptions(opts);
      const size = Utils.getImageWidth(qrData.modules.size, opts);
      const ctx = canvasEl.getContext("2d");
      const image2 = ctx.createImageData(size, size);
      Utils.qrToImageData(image2.data, qrData, opts);
      clearCanvas(ctx, canvasEl, size);
      ctx.putImageData(image2, 0, 0);
      return canvasEl;
    };
    exports.renderToDataURL = function renderToDataURL(qrData, canvas, options2) {
      let opts = options2;
      if (typeof opts === "undefined" && (!canvas || !canvas.getContext)) {
        opts = canvas;
        canvas = void 0;
      }
      if (!opts) opts = {};
      const canvasEl = exports.render(qrData, canvas, opts);
      const type = opts.type || "image/png";
      const rendererOpts = opts.rendererOpts || {};
      return canvasEl.toDataURL(type, rendererOpts.quality);
    };
  }
});

// node_modules/qrcode/lib/browser.js
var require_browser = __commonJS({
  "node_modules/qrcode/lib/browser.js"(exports) {
    var canPromise = require_can_promise();
    var QRCode2 = require_qrcode();
    var CanvasRenderer = require_canvas();
    var SvgRenderer = require_svg_tag();
    function renderCanvas(renderFunc, canvas, text2, opts, cb) {
      const args = [].slice.call(arguments, 1);
      const argsNum = args.length;
      const isLastArgCb = typeof args[argsNum - 1] === "function";
      if (!isLastArgCb && !canPromise()) {
        throw new Error("Callback required as last argument");
      }
      if (isLastArgCb) {
        if (argsNum < 2) {
          throw new Error("Too few arguments provided");
        }
        if (argsNum === 2) {
          cb = text2;
          text2 = canvas;
          canvas = opts = void 0;
        } else if (argsNum === 3) {
          if (canvas.getContext && typeof cb === "undefined") {
            cb = opts;
            opts = void 0;
          } else {
            cb = opts;
            opts = text2;
            text2 = canvas;
            canvas = void 0;
          }
        }
      } else {
        if (argsNum < 1) {
          throw new Error("Too few arguments provided");
        }
        if (argsNum === 1) {
          text2 = canvas;
          canvas = opts = void 0;
        } else if (argsNum === 2 && !canvas.getContext) {
          opts = text2;
          text2 = canvas;
          canvas = void 0;
        }
        return new Promise(function(resolve2, reject) {
          try {
            const data = QRCode2.create(text2, opts);
            resolve2(renderFunc(data, canvas, opts));
          } catch (e) {
            reject(e);
          }
        });
      }
      try {
        const data = QRCode2.create(text2, opts);
        cb(null, renderFunc(data, canvas, opts));
      } catch (e) {
        cb(e);
      }
    }
    exports.create = QRCode2.create;
    exports.toCanvas = renderCanvas.bind(null, CanvasRenderer.render);
    exports.toDataURL = renderCanvas.bind(null, CanvasRenderer.renderToDataURL);
    exports.toString = renderCanvas.bind(null, function(data, _, opts) {
      return SvgRenderer.render(data, opts);
    });
  }
});

// node_modules/qrcode/lib/server.js
var require_server = __commonJS({
  "node_modules/qrcode/lib/server.js"(exports) {
    var canPromise = require_can_promise();
    var QRCode2 = require_qrcode();
    var PngRenderer = require_png3();
    var Utf8Renderer = require_utf8();
    var TerminalRenderer = require_terminal2();
    var SvgRenderer = require_svg();
    function checkParams(text2, opts, cb) {
      if (typeof text2 === "undefined") {
        throw new Error("String required as first argument");
      }
      if (typeof cb === "undefined") {
        cb = opts;
        opts = {};
      }
      if (typeof cb !== "function") {
        if (!canPromise()) {
          throw new Error("Callback required as last argument");
        } else {
          opts = cb || {};
          cb = null;
        }
      }
      return {
        opts,
        cb
      };
    }
    function getTypeFromFilename(path) {
      return path.slice((path.lastIndexOf(".") - 1 >>> 0) + 2).toLowerCase();
    }
    function getRendererFromType(type) {
      switch (type) {
        case "svg":
          return SvgRenderer;
        case "txt":
        case "utf8":
          return Utf8Renderer;
        case "png":
        case "image/png":
        default:
          return PngRenderer;
      }
    }
    function getStringRendererFromType(type) {
      switch (type) {
        case "svg":
          return SvgRenderer;
        case "terminal":
          return TerminalRenderer;
        case "utf8":
        default:
          return Utf8Renderer;
      }
    }
    function render(renderFunc, text2, params) {
      if (!params.cb) {
        return new Promise(function(resolve2, reject) {
          try {
            const data = QRCode2.create(text2, params.opts);
            return renderFunc(data, params.opts, function(err, data2) {
              return err ? reject(err) : resolve2(data2);
            });
          } catch (e) {
            reject(e);
          }
        });
      }
      try {
        const data = QRCode2.create(text2, params.opts);
        return renderFunc(data, params.opts, params.cb);
      } catch (e) {
        params.cb(e);
      }
    }
    exports.create = QRCode2.create;
    exports.toCanvas = require_browser().toCanvas;
    exports.toString = function toString(text2, opts, cb) {
      const params = checkParams(text2, opts, cb);
      const type = params.opts ? params.opts.type : void 0;
      const renderer = getStringRendererFromType(type);
      return render(renderer.render, text2, params);
    };
    exports.toDataURL = function toDataURL(text2, opts, cb) {
      const params = checkParams(text2, opts, cb);
      const renderer = getRendererFromType(params.opts.type);
      return render(renderer.renderToDataURL, text2, params);
    };
    exports.toBuffer = function toBuffer(text2, opts, cb) {
      const params = checkParams(text2, opts, cb);
      const renderer = getRendererFromType(params.opts.type);
      return render(renderer.renderToBuffer, text2, params);
    };
    exports.toFile = function toFile(path, text2, opts, cb) {
      if (typeof path !== "string" || !(typeof text2 === "string" || typeof text2 === "object")) {
        throw new Error("Invalid argument");
      }
      if (arguments.length < 3 && !canPromise()) {
        throw new Error("Too few arguments provided");
      }
      const params = checkParams(text2, opts, cb);
      const type = params.opts.type || getTypeFromFilename(path);
      const renderer = getRendererFromType(type);
      const renderToFile = renderer.renderToFile.bind(null, path);
      return render(renderToFile, text2, params);
    };
    exports.toFileStream = function toFileStream(stream, text2, opts) {
      if (arguments.length < 2) {
        throw new Error("Too few arguments provided");
      }
      const params = checkParams(text2, opts, stream.emit.bind(stream, "error"));
      const renderer = getRendererFromType("png");
      const renderToFileStream = renderer.renderToFileStream.bind(null, stream);
      render(renderToFileStream, text2, params);
    };
  }
});

// node_modules/qrcode/lib/index.js
var require_lib = __commonJS({
  "node_modules/qrcode/lib/index.js"(exports, module) {
    module.exports = require_server();
  }
});

// node_modules/pend/index.js
var require_pend = __commonJS({
  "node_modules/pend/index.js"(exports, module) {
    module.exports = Pend;
    function Pend() {
      this.pending = 0;
      this.max = Infinity;
      this.listeners = [];
      this.waiting = [];
      this.error = null;
    }
    Pend.prototype.go = function(fn) {
      if (this.pending < this.max) {
        pendGo(this, fn);
      } else {
        this.waiting.push(fn);
      }
    };
    Pend.prototype.wait = function(cb) {
      if (this.pending === 0) {
        cb(this.error);
      } else {
        this.listeners.push(cb);
      }
    };
    Pend.prototype.hold = function() {
      return pendHold(this);
    };
    function pendHold(self) {
      self.pending += 1;
      var called = false;
      return onCb;
      function onCb(err) {
        if (called) throw new Error("callback called twice");
        called = true;
        self.error = self.error || err;
        self.pending -= 1;
        if (self.waiting.length > 0 && self.pending < self.max) {
          pendGo(self, self.waiting.shift());
        } else if (self.pending === 0) {
          var listeners = self.listeners;
          self.listeners = [];
          listeners.forEach(cbListener);
        }
      }
      function cbListener(listener) {
        listener(self.error);
      }
    }
    function pendGo(self, fn) {
      fn(pendHold(self));
    }
  }
});

// node_modules/yauzl/fd-slicer.js
var require_fd_slicer = __commonJS({
  "node_modules/yauzl/fd-slicer.js"(exports) {
    var fs = __require("fs");
    var util = __require("util");
    var stream = __require("stream");
    var Readable2 = stream.Readable;
    var PassThrough = stream.PassThrough;
    var Pend = require_pend();
    var EventEmitter = __require("events").EventEmitter;
    exports.BufferSlicer = BufferSlicer;
    exports.FdSlicer = FdSlicer;
    util.inherits(FdSlicer, EventEmitter);
    function FdSlicer(fd) {
      EventEmitter.call(this);
      this.fd = fd;
      this.pend = new Pend();
      this.pend.max = 1;
      this.refCount = 0;
    }
    FdSlicer.prototype.read = function(buffer, offset, length, position, callback) {
      var self = this;
      self.pend.go(function(cb) {
        fs.read(self.fd, buffer, offset, length, position, function(err, bytesRead, buffer2) {
          cb();
          callback(err, bytesRead, buffer2);
        });
      });
    };
    FdSlicer.prototype.createReadStream = function(options2) {
      return new ReadStream(this, options2);
    };
    FdSlicer.prototype.ref = function() {
      this.refCount += 1;
    };
    FdSlicer.prototype.unref = function() {
      var self = this;
      self.refCount -= 1;
      if (self.refCount < 0) throw new Error("invalid unref");
      if (self.refCount > 0) return;
      fs.close(self.fd, onCloseDone);
      function onCloseDone(err) {
        if (err) {
          self.emit("error", err);
        } else {
          self.emit("close");
        }
      }
    };
    util.inherits(ReadStream, Readable2);
    function ReadStream(context, options2) {
      options2 = options2 || {};
      Readable2.call(this, options2);
      this.context = context;
      this.context.ref();
      this.start = options2.start || 0;
      this.endOffset = options2.end;
      this.pos = this.start;
    }
    ReadStream.prototype._read = function(n) {
      var self = this;
      var toRead = Math.min(self._readableState.highWaterMark, n);
      if (self.endOffset != null) {
        toRead = Math.min(toRead, self.endOffset - self.pos);
      }
      if (toRead <= 0) {
        self.push(null);
        this._cleanup();
        return;
      }
      self.context.pend.go(function(cb) {
        var buffer = Buffer.allocUnsafe(toRead);
        fs.read(self.context.fd, buffer, 0, toRead, self.pos, function(err, bytesRead) {
          if (err) {
            self.destroy(err);
          } else if (bytesRead === 0) {
            self.push(null);
            self._cleanup();
          } else {
            self.pos += bytesRead;
            self.push(buffer.slice(0, bytesRead));
          }
          cb();
        });
      });
    };
    ReadStream.prototype._destroy = function(err, cb) {
      this._cleanup();
      cb(err);
    };
    ReadStream.prototype._cleanup = function() {
      if (this.context != null) {
        this.context.unref();
        this.context = null;
      }
    };
    util.inherits(BufferSlicer, EventEmitter);
    function BufferSlicer(buffer) {
      EventEmitter.call(this);
      this.refCount = 0;
      this.buffer = buffer;
    }
    BufferSlicer.prototype.read = function(buffer, offset, length, position, callback) {
      if (!(0 <= offset && offset <= buffer.length)) throw new RangeError("offset outside buffer: 0 <= " + offset + " <= " + buffer.length);
      if (position < 0) throw new RangeError("position is negative: " + position);
      if (offset + length > buffer.length) {
        length = buffer.length - offset;
      }
      if (position + length > this.buffer.length) {
        length = this.buffer.length - position;
      }
      if (length <= 0) {
        setImmediate(function() {
          callback(null, 0);
        });
        return;
      }
      this.buffer.copy(buffer, offset, position, position + length);
      setImmediate(function() {
        callback(null, length);
      });
    };
    BufferSlicer.prototype.createReadStream = function(options2) {
      options2 = options2 || {};
      var readStream = new PassThrough(options2);
      readStream.start = options2.start || 0;
      readStream.endOffset = options2.end;
      readStream.pos = readStream.endOffset || this.buffer.length;
      var entireSlice = this.buffer.slice(readStream.start, readStream.pos);
      var maxChunkSize = 65536;
      var offset = 0;
      while (true) {
        var nextOffset = offset + maxChunkSize;
        if (nextOffset >= entireSlice.length) {
          if (offset < entireSlice.length) {
            readStream.write(entireSlice.slice(offset, entireSlice.length));
          }
          break;
        }
        readStream.write(entireSlice.slice(offset, nextOffset));
        offset = nextOffset;
      }
      readStream.end();
      return readStream;
    };
    BufferSlicer.prototype.ref = function() {
      this.refCount += 1;
    };
    BufferSlicer.prototype.unref = function() {
      this.refCount -= 1;
      if (this.refCount < 0) {
        throw new Error("invalid unref");
      }
    };
  }
});

// node_modules/yauzl/crc32.js
var require_crc32 = __commonJS({
  "node_modules/yauzl/crc32.js"(exports, module) {
    var CRC_TABLE = new Int32Array([
      0,
      1996959894,
      3993919788,
      2567524794,
      124634137,
      1886057615,
      3915621685,
      2657392035,
      249268274,
      2044508324,
      3772115230,
      2547177864,
      162941995,
      2125561021,
      3887607047,
      2428444049,
      498536548,
      1789927666,
      4089016648,
      2227061214,
      450548861,
      1843258603,
      4107580753,
      2211677639,
      325883990,
      1684777152,
      4251122042,
      2321926636,
      335633487,
      1661365465,
      4195302755,
      2366115317,
      997073096,
      1281953886,
      3579855332,
      2724688242,
      1006888145,
      1258607687,
      3524101629,
      2768942443,
      901097722,
      1119000684,
      3686517206,
      2898065728,
      853044451,
      1172266101,
      3705015759,
      2882616665,
      651767980,
      1373503546,
      3369554304,
      3218104598,
      565507253,
      1454621731,
      3485111705,
      3099436303,
      671266974,
      1594198024,
      3322730930,
      2970347812,
      795835527,
      1483230225,
      3244367275,
      3060149565,
      1994146192,
      31158534,
      2563907772,
      4023717930,
      1907459465,
      112637215,
      2680153253,
      3904427059,
      2013776290,
      251722036,
      2517215374,
      3775830040,
      2137656763,
      141376813,
      2439277719,
      3865271297,
      1802195444,
      476864866,
      2238001368,
      4066508878,
      1812370925,
      453092731,
      2181625025,
      4111451223,
      1706088902,
      314042704,
      2344532202,
      4240017532,
      1658658271,
      366619977,
      2362670323,
      4224994405,
      1303535960,
      984961486,
      2747007092,
      3569037538,
      1256170817,
      1037604311,
      2765210733,
      3554079995,
      1131014506,
      879679996,
      2909243462,
      3663771856,
      1141124467,
      855842277,
      2852801631,
      3708648649,
      1342533948,
      654459306,
      3188396048,
      3373015174,
      1466479909,
      544179635,
      3110523913,
      3462522015,
      1591671054,
      702138776,
      2966460450,
      3352799412,
      1504918807,
      783551873,
      3082640443,
      3233442989,
      3988292384,
      2596254646,
      62317068,
      1957810842,
      3939845945,
      2647816111,
      81470997,
      1943803523,
      3814918930,
      2489596804,
      225274430,
      2053790376,
      3826175755,
      2466906013,
      167816743,
      2097651377,
      4027552580,
      2265490386,
      503444072,
      1762050814,
      4150417245,
      2154129355,
      426522225,
      1852507879,
      4275313526,
      2312317920,
      282753626,
      1742555852,
      4189708143,
      2394877945,
      397917763,
      1622183637,
      3604390888,
      2714866558,
      953729732,
      1340076626,
      3518719985,
      2797360999,
      1068828381,
      1219638859,
      3624741850,
      2936675148,
      906185462,
      1090812512,
      3747672003,
      2825379669,
      829329135,
      1181335161,
      3412177804,
      3160834842,
      628085408,
      1382605366,
      3423369109,
      3138078467,
      570562233,
      1426400815,
      3317316542,
      2998733608,
      733239954,
      1555261956,
      3268935591,
      3050360625,
      752459403,
      1541320221,
      2607071920,
      3965973030,
      1969922972,
      40735498,
      2617837225,
      3943577151,
      1913087877,
      83908371,
      2512341634,
      3803740692,
      2075208622,
      213261112,
      2463272603,
      3855990285,
      2094854071,
      198958881,
      2262029012,
      4057260610,
      1759359992,
      534414190,
      2176718541,
      4139329115,
      1873836001,
      414664567,
      2282248934,
      4279200368,
      1711684554,
      285281116,
      2405801727,
      4167216745,
      1634467795,
      376229701,
      2685067896,
      3608007406,
      1308918612,
      956543938,
      2808555105,
      3495958263,
      1231636301,
      1047427035,
      2932959818,
      3654703836,
      1088359270,
      936918e3,
      2847714899,
      3736837829,
      1202900863,
      817233897,
      3183342108,
      3401237130,
      1404277552,
      615818150,
      3134207493,
      3453421203,
      1423857449,
      601450431,
      3009837614,
      3294710456,
      1567103746,
      711928724,
      3020668471,
      3272380065,
      1510334235,
      755167117
    ]);
    function crc32(buf) {
      let crc = -1;
      for (let x of buf) {
        crc = CRC_TABLE[(crc ^ x) & 255] ^ crc >>> 8;
      }
      return (crc ^ -1) >>> 0;
    }
    module.exports = crc32;
  }
});

// node_modules/yauzl/index.js
var require_yauzl = __commonJS({
  "node_modules/yauzl/index.js"(exports) {
    var fs = __require("fs");
    var zlib = __require("zlib");
    var fd_slicer = require_fd_slicer();
    var util = __require("util");
    var EventEmitter = __require("events").EventEmitter;
    var Transform = __require("stream").Transform;
    var PassThrough = __require("stream").PassThrough;
    var Writable = __require("stream").Writable;
    var crc32 = typeof zlib.crc32 === "function" ? zlib.crc32 : require_crc32();
    exports.open = open2;
    exports.fromFd = fromFd;
    exports.fromBuffer = fromBuffer;
    exports.fromRandomAccessReader = fromRandomAccessReader;
    exports.openPromise = openPromise;
    exports.fromFdPromise = fromFdPromise;
    exports.fromBufferPromise = fromBufferPromise;
    exports.fromRandomAccessReaderPromise = fromRandomAccessReaderPromise;
    exports.dosDateTimeToDate = dosDateTimeToDate;
    exports.getFileNameLowLevel = getFileNameLowLevel;
    exports.validateFileName = validateFileName;
    exports.parseExtraFields = parseExtraFields;
    exports.ZipFile = ZipFile;
    exports.Entry = Entry;
    exports.LocalFileHeader = LocalFileHeader;
    exports.RandomAccessReader = RandomAccessReader;
    function openPromise(path, options2) {
      return new Promise((resolve2, reject) => {
        open2(path, { ...options2, lazyEntries: true }, function(err, zipfile) {
          if (err) return reject(err);
          resolve2(zipfile);
        });
      });
    }
    function fromFdPromise(fd, options2) {
      return new Promise((resolve2, reject) => {
        fromFd(fd, { ...options2, lazyEntries: true }, function(err, zipfile) {
          if (err) return reject(err);
          resolve2(zipfile);
        });
      });
    }
    function fromBufferPromise(buffer, options2) {
      return new Promise((resolve2, reject) => {
        fromBuffer(buffer, { ...options2, lazyEntries: true }, function(err, zipfile) {
          if (err) return reject(err);
          resolve2(zipfile);
        });
      });
    }
    function fromRandomAccessReaderPromise(reader, totalSize2, options2) {
      return new Promise((resolve2, reject) => {
        fromRandomAccessReader(reader, totalSize2, { ...options2, lazyEntries: true }, function(err, zipfile) {
          if (err) return reject(err);
          resolve2(zipfile);
        });
      });
    }
    function open2(path, options2, callback) {
      if (typeof options2 === "function") {
        callback = options2;
        options2 = null;
      }
      if (options2 == null) options2 = {};
      if (options2.autoClose == null) options2.autoClose = true;
      if (options2.lazyEntries == null) options2.lazyEntries = false;
      if (options2.decodeStrings == null) options2.decodeStrings = true;
      if (options2.validateEntrySizes == null) options2.validateEntrySizes = true;
      if (options2.strictFileNames == null) options2.strictFileNames = false;
      if (callback == null) callback = defaultCallback;
      fs.open(path, "r", function(err, fd) {
        if (err) return callback(err);
        fromFd(fd, options2, function(err2, zipfile) {
          if (err2) fs.close(fd, defaultCallback);
          callback(err2, zipfile);
        });
      });
    }
    function fromFd(fd, options2, callback) {
      if (typeof options2 === "function") {
        callback = options2;
        options2 = null;
      }
      if (options2 == null) options2 = {};
      if (options2.autoClose == null) options2.autoClose = false;
      if (options2.lazyEntries == null) options2.lazyEntries = false;
      if (options2.decodeStrings == null) options2.decodeStrings = true;
      if (options2.validateEntrySizes == null) options2.validateEntrySizes = true;
      if (options2.strictFileNames == null) options2.strictFileNames = false;
      if (callback == null) callback = defaultCallback;
      fs.fstat(fd, function(err, stats) {
        if (err) return callback(err);
        var reader = new fd_slicer.FdSlicer(fd);
        fromRandomAccessReader(reader, stats.size, options2, callback);
      });
    }
    function fromBuffer(buffer, options2, callback) {
      if (typeof options2 === "function") {
        callback = options2;
        options2 = null;
      }
      if (options2 == null) options2 = {};
      options2.autoClose = false;
      if (options2.lazyEntries == null) options2.lazyEntries = false;
      if (options2.decodeStrings == null) options2.decodeStrings = true;
      if (options2.validateEntrySizes == null) options2.validateEntrySizes = true;
      if (options2.strictFileNames == null) options2.strictFileNames = false;
      var reader = new fd_slicer.BufferSlicer(buffer);
      fromRandomAccessReader(reader, buffer.length, options2, callback);
    }
    function fromRandomAccessReader(reader, totalSize2, options2, callback) {
      if (typeof options2 === "function") {
        callback = options2;
        options2 = null;
      }
      if (options2 == null) options2 = {};
      if (options2.autoClose == null) options2.autoClose = true;
      if (options2.lazyEntries == null) options2.lazyEntries = false;
      if (options2.decodeStrings == null) options2.decodeStrings = true;
      var decodeStrings = !!options2.decodeStrings;
      if (options2.validateEntrySizes == null) options2.validateEntrySizes = true;
      if (options2.strictFileNames == null) options2.strictFileNames = false;
      if (callback == null) callback = defaultCallback;
      if (typeof totalSize2 !== "number") throw new Error("expected totalSize parameter to be a number");
      if (totalSize2 > Number.MAX_SAFE_INTEGER) {
        throw new Error("zip file too large. only file sizes up to 2^52 are supported due to JavaScript's Number type being an IEEE 754 double.");
      }
      reader.ref();
      var eocdrWithoutCommentSize = 22;
      var zip64EocdlSize = 20;
      var maxCommentSize = 65535;
      var bufferSize = Math.min(zip64EocdlSize + eocdrWithoutCommentSize + maxCommentSize, totalSize2);
      var buffer = newBuffer(bufferSize);
      var bufferReadStart = totalSize2 - buffer.length;
      readAndAssertNoEof(reader, buffer, 0, bufferSize, bufferReadStart, function(err) {
        if (err) return callback(err);
        for (var i = bufferSize - eocdrWithoutCommentSize; i >= 0; i -= 1) {
          if (buffer.readUInt32LE(i) !== 101010256) continue;
          var eocdrBuffer = buffer.subarray(i);
          var diskNumber = eocdrBuffer.readUInt16LE(4);
          var entryCount = eocdrBuffer.readUInt16LE(10);
          var centralDirectoryOffset = eocdrBuffer.readUInt32LE(16);
          var commentLength = eocdrBuffer.readUInt16LE(20);
          var expectedCommentLength = eocdrBuffer.length - eocdrWithoutCommentSize;
          if (commentLength !== expectedCommentLength) {
            return callback(new Error("Invalid comment length. Expected: " + expectedCommentLength + ". Found: " + commentLength + ". Are there extra bytes at the end of the file? Or is the end of central dir signature `PK\u263A\u263B` in the comment?"));
          }
          var comment2 = decodeStrings ? decodeBuffer(eocdrBuffer.subarray(22), false) : eocdrBuffer.subarray(22);
          if (i - zip64EocdlSize >= 0 && buffer.readUInt32LE(i - zip64EocdlSize) === 117853008) {
            var zip64EocdlBuffer = buffer.subarray(i - zip64EocdlSize, i - zip64EocdlSize + zip64EocdlSize);
            var zip64EocdrOffset = readUInt64LE(zip64EocdlBuffer, 8);
            var zip64EocdrBuffer = newBuffer(56);
            return readAndAssertNoEof(reader, zip64EocdrBuffer, 0, zip64EocdrBuffer.length, zip64EocdrOffset, function(err2) {
              if (err2) return callback(err2);
              if (zip64EocdrBuffer.readUInt32LE(0) !== 101075792) {
                return callback(new Error("invalid zip64 end of central directory record signature"));
              }
              diskNumber = zip64EocdrBuffer.readUInt32LE(16);
              if (diskNumber !== 0) {
                return callback(new Error("multi-disk zip files are not supported: found disk number: " + diskNumber));
              }
              entryCount = readUInt64LE(zip64EocdrBuffer, 32);
              centralDirectoryOffset = readUInt64LE(zip64EocdrBuffer, 48);
              return callback(null, new ZipFile(reader, centralDirectoryOffset, totalSize2, entryCount, comment2, options2.autoClose, options2.lazyEntries, decodeStrings, options2.validateEntrySizes, options2.strictFileNames));
            });
          }
          if (diskNumber !== 0) {
            return callback(new Error("multi-disk zip files are not supported: found disk number: " + diskNumber));
          }
          return callback(null, new ZipFile(reader, centralDirectoryOffset, totalSize2, entryCount, comment2, options2.autoClose, options2.lazyEntries, decodeStrings, options2.validateEntrySizes, options2.strictFileNames));
        }
        callback(new Error("End of central directory record signature not found. Either not a zip file, or file is truncated."));
      });
    }
    util.inherits(ZipFile, EventEmitter);
    function ZipFile(reader, centralDirectoryOffset, fileSize2, entryCount, comment2, autoClose, lazyEntries, decodeStrings, validateEntrySizes, strictFileNames) {
      var self = this;
      EventEmitter.call(self);
      self.reader = reader;
      self.reader.on("error", function(err) {
        emitError(self, err);
      });
      self.reader.once("close", function() {
        self.emit("close");
      });
      self.readEntryCursor = centralDirectoryOffset;
      self.fileSize = fileSize2;
      self.entryCount = entryCount;
      self.comment = comment2;
      self.entriesRead = 0;
      self.autoClose = !!autoClose;
      self.lazyEntries = !!lazyEntries;
      self.decodeStrings = !!decodeStrings;
      self.validateEntrySizes = !!validateEntrySizes;
      self.strictFileNames = !!strictFileNames;
      self.isOpen = true;
      self.emittedError = false;
      self.hasEachEntryBeenCalled = false;
      if (!self.lazyEntries) self._readEntry();
    }
    ZipFile.prototype.close = function() {
      if (!this.isOpen) return;
      this.isOpen = false;
      this.reader.unref();
    };
    function emitErrorAndAutoClose(self, err) {
      if (self.autoClose) self.close();
      emitError(self, err);
    }
    function emitError(self, err) {
      if (self.emittedError) return;
      self.emittedError = true;
      self.emit("error", err);
    }
    ZipFile.prototype.readEntry = function() {
      if (!this.lazyEntries) throw new Error("readEntry() called without lazyEntries:true");
      this._readEntry();
    };
    ZipFile.prototype._readEntry = function() {
      var self = this;
      if (self.entryCount === self.entriesRead) {
        setImmediate(function() {
          if (self.autoClose) self.close();
          if (self.emittedError) return;
          self.emit("end");
        });
        return;
      }
      if (self.emittedError) return;
      var buffer = newBuffer(46);
      readAndAssertNoEof(self.reader, buffer, 0, buffer.length, self.readEntryCursor, function(err) {
        if (err) return emitErrorAndAutoClose(self, err);
        if (self.emittedError) return;
        var entry = new Entry();
        var signature = buffer.readUInt32LE(0);
        if (signature !== 33639248) return emitErrorAndAutoClose(self, new Error("invalid central directory file header signature: 0x" + signature.toString(16)));
        entry.versionMadeBy = buffer.readUInt16LE(4);
        entry.versionNeededToExtract = buffer.readUInt16LE(6);
        entry.generalPurposeBitFlag = buffer.readUInt16LE(8);
        entry.compressionMethod = buffer.readUInt16LE(10);
        entry.lastModFileTime = buffer.readUInt16LE(12);
        entry.lastModFileDate = buffer.readUInt16LE(14);
        entry.crc32 = buffer.readUInt32LE(16);
        entry.compressedSize = buffer.readUInt32LE(20);
        entry.uncompressedSize = buffer.readUInt32LE(24);
        entry.fileNameLength = buffer.readUInt16LE(28);
        entry.extraFieldLength = buffer.readUInt16LE(30);
        entry.fileCommentLength = buffer.readUInt16LE(32);
        entry.internalFileAttributes = buffer.readUInt16LE(36);
        entry.externalFileAttributes = buffer.readUInt32LE(38);
        entry.relativeOffsetOfLocalHeader = buffer.readUInt32LE(42);
        if (entry.generalPurposeBitFlag & 64) return emitErrorAndAutoClose(self, new Error("strong encryption is not supported"));
        self.readEntryCursor += 46;
        buffer = newBuffer(entry.fileNameLength + entry.extraFieldLength + entry.fileCommentLength);
        readAndAssertNoEof(self.reader, buffer, 0, buffer.length, self.readEntryCursor, function(err2) {
          if (err2) return emitErrorAndAutoClose(self, err2);
          if (self.emittedError) return;
          entry.fileNameRaw = buffer.subarray(0, entry.fileNameLength);
          var fileCommentStart = entry.fileNameLength + entry.extraFieldLength;
          entry.extraFieldRaw = buffer.subarray(entry.fileNameLength, fileCommentStart);
          entry.fileCommentRaw = buffer.subarray(fileCommentStart, fileCommentStart + entry.fileCommentLength);
          try {
            entry.extraFields = parseExtraFields(entry.extraFieldRaw);
          } catch (err3) {
            return emitErrorAndAutoClose(self, err3);
          }
          if (self.decodeStrings) {
            var isUtf8 = (entry.generalPurposeBitFlag & 2048) !== 0;
            entry.fileComment = decodeBuffer(entry.fileCommentRaw, isUtf8);
            entry.fileName = getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, self.strictFileNames);
            var errorMessage = validateFileName(entry.fileName);
            if (errorMessage != null) return emitErrorAndAutoClose(self, new Error(errorMessage));
          } else {
            entry.fileComment = entry.fileCommentRaw;
            entry.fileName = entry.fileNameRaw;
          }
          entry.comment = entry.fileComment;
          self.readEntryCursor += buffer.length;
          self.entriesRead += 1;
          for (var i = 0; i < entry.extraFields.length; i++) {
            var extraField = entry.extraFields[i];
            if (extraField.id !== 1) continue;
            var zip64EiefBuffer = extraField.data;
            var index = 0;
            if (entry.uncompressedSize === 4294967295) {
              if (index + 8 > zip64EiefBuffer.length) {
                return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include uncompressed size"));
              }
              entry.uncompressedSize = readUInt64LE(zip64EiefBuffer, index);
              index += 8;
            }
            if (entry.compressedSize === 4294967295) {
              if (index + 8 > zip64EiefBuffer.length) {
                return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include compressed size"));
              }
              entry.compressedSize = readUInt64LE(zip64EiefBuffer, index);
              index += 8;
            }
            if (entry.relativeOffsetOfLocalHeader === 4294967295) {
              if (index + 8 > zip64EiefBuffer.length) {
                return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include relative header offset"));
              }
              entry.relativeOffsetOfLocalHeader = readUInt64LE(zip64EiefBuffer, index);
              index += 8;
            }
            break;
          }
          if (self.validateEntrySizes && entry.compressionMethod === 0) {
            var expectedCompressedSize = entry.uncompressedSize;
            if (entry.isEncrypted()) {
              expectedCompressedSize += 12;
            }
            if (entry.compressedSize !== expectedCompressedSize) {
              var msg = "compressed/uncompressed size mismatch for stored file: " + entry.compressedSize + " != " + entry.uncompressedSize;
              return emitErrorAndAutoClose(self, new Error(msg));
            }
          }
          self.emit("entry", entry);
          if (!self.lazyEntries) self._readEntry();
        });
      });
    };
    ZipFile.prototype.eachEntry = function() {
      const self = this;
      if (!self.lazyEntries) throw new Error("eachEntry() requires lazyEntries: true");
      if (self.hasEachEntryBeenCalled) throw new Error("eachEntry() must only be called once per ZipFile");
      self.hasEachEntryBeenCalled = true;
      let pendingResolveReject = null;
      self.on("entry", onEntry);
      self.on("end", onEnd);
      self.on("error", onError);
      function cleanup() {
        self.removeListener("entry", onEntry);
        self.removeListener("end", onEnd);
        self.removeListener("error", onError);
        if (self.autoClose) self.close();
      }
      function onEntry(entry) {
        let { resolve: resolve2 } = pendingResolveReject;
        pendingResolveReject = null;
        resolve2({ value: entry });
      }
      function onEnd() {
        let { resolve: resolve2 } = pendingResolveReject;
        pendingResolveReject = null;
        cleanup();
        resolve2({ done: true });
      }
      function onError(err) {
        let { reject } = pendingResolveReject;
        pendingResolveReject = null;
        cleanup();
        reject(err);
      }
      return {
        [Symbol.asyncIterator]() {
          return this;
        },
        next() {
          const promise = new Promise((resolve2, reject) => {
            if (pendingResolveReject != null) throw new Error("next() called before previous Promise was resolved.");
            pendingResolveReject = { resolve: resolve2, reject };
          });
          self.readEntry();
          return promise;
        },
        return(value) {
          cleanup();
          return Promise.resolve({ done: true, value });
        },
        throw(value) {
          cleanup();
          return Promise.reject(value);
        }
      };
    };
    ZipFile.prototype.openReadStream = function(entry, options2, callback) {
      var self = this;
      var relativeStart = 0;
      var relativeEnd = entry.compressedSize;
      if (callback == null) {
        callback = options2;
        options2 = null;
      }
      if (options2 == null) {
        options2 = {};
      } else {
        if (options2.decodeFileData === false) {
          if (options2.decrypt != null) {
            throw new Error("cannot use options.decrypt when options.decodeFileData === false");
          }
          if (options2.decompress != null) {
            throw new Error("cannot use options.decompress when options.decodeFileData === false");
          }
        } else {
          if (options2.decrypt != null) {
            if (!entry.isEncrypted()) {
              throw new Error("options.decrypt can only be specified for encrypted entries. See also option decodeFileData.");
            }
            if (options2.decrypt !== false) throw new Error("invalid options.decrypt value: " + options2.decrypt);
            if (entry.isCompressed()) {
              if (options2.decompress !== false) throw new Error("entry is encrypted and compressed, and options.decompress !== false. See also option decodeFileData.");
            }
          }
          if (options2.decompress != null) {
            if (!entry.isCompressed()) {
              throw new Error("options.decompress can only be specified for compressed entries. See also option decodeFileData.");
            }
            if (!(options2.decompress === false || options2.decompress === true)) {
              throw new Error("invalid options.decompress value: " + options2.decompress);
            }
            decompress = options2.decompress;
          }
        }
        if (options2.start != null) {
          relativeStart = options2.start;
          if (relativeStart < 0) throw new Error("options.start < 0");
          if (relativeStart > entry.compressedSize) throw new Error("options.start > entry.compressedSize");
        }
        if (options2.end != null) {
          relativeEnd = options2.end;
          if (relativeEnd < 0) throw new Error("options.end < 0");
          if (relativeEnd > entry.compressedSize) throw new Error("options.end > entry.compressedSize");
          if (relativeEnd < relativeStart) throw new Error("options.end < options.start");
        }
      }
      var rawMode = options2.decodeFileData === false || // Explicitly requested raw.
      (entry.compressionMethod === 0 || // Naturally without compression.
      entry.compressionMethod === 8 && options2.decompress === false) && (!entry.isEncrypted() || // Naturally without encryption.
      options2.decrypt === false);
      if (options2.start != null || options2.end != null) {
        if (!rawMode) throw new Error("start/end range require options.decodeFileData === false for non-trivial encoded entries.");
      }
      if (!self.isOpen) return callback(new Error("closed"));
      if (entry.isEncrypted() && !rawMode) {
        if (options2.decrypt !== false) return callback(new Error("entry is encrypted, and options.decodeFileData !== false"));
      }
      var decompress;
      if (rawMode) {
        decompress = false;
      } else if (entry.compressionMethod === 8) {
        decompress = options2.decodeFileData !== true;
      } else {
        return callback(new Error("unsupported compression method: " + entry.compressionMethod));
      }
      self.readLocalFileHeader(entry, { minimal: true }, function(err, localFileHeader) {
        if (err) return callback(err);
        self.openReadStreamLowLevel(
          localFileHeader.fileDataStart,
          entry.compressedSize,
          relativeStart,
          relativeEnd,
          decompress,
          entry.uncompressedSize,
          callback
        );
      });
    };
    ZipFile.prototype.openReadStreamLowLevel = function(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize, callback) {
      var self = this;
      var fileDataEnd = fileDataStart + compressedSize;
      var readStream = self.reader.createReadStream({
        start: fileDataStart + relativeStart,
        end: fileDataStart + relativeEnd
      });
      var endpointStream = readStream;
      if (decompress) {
        var destroyed = false;
        var inflateFilter = zlib.createInflateRaw();
        readStream.on("error", function(err) {
          setImmediate(function() {
            if (!destroyed) inflateFilter.emit("error", err);
          });
        });
        readStream.pipe(inflateFilter);
        if (self.validateEntrySizes) {
          endpointStream = new AssertByteCountStream(uncompressedSize);
          inflateFilter.on("error", function(err) {
            setImmediate(function() {
              if (!destroyed) endpointStream.emit("error", err);
            });
          });
          inflateFilter.pipe(endpointStream);
        } else {
          endpointStream = inflateFilter;
        }
        installDestroyFn(endpointStream, function() {
          destroyed = true;
          if (inflateFilter !== endpointStream) inflateFilter.unpipe(endpointStream);
          readStream.unpipe(inflateFilter);
          readStream.destroy();
        });
      }
      callback(null, endpointStream);
    };
    ZipFile.prototype.readLocalFileHeader = function(entry, options2, callback) {
      var self = this;
      if (callback == null) {
        callback = options2;
        options2 = null;
      }
      if (options2 == null) options2 = {};
      self.reader.ref();
      var buffer = newBuffer(30);
      readAndAssertNoEof(self.reader, buffer, 0, buffer.length, entry.relativeOffsetOfLocalHeader, function(err) {
        try {
          if (err) return callback(err);
          var signature = buffer.readUInt32LE(0);
          if (signature !== 67324752) {
            return callback(new Error("invalid local file header signature: 0x" + signature.toString(16)));
          }
          var fileNameLength = buffer.readUInt16LE(26);
          var extraFieldLength = buffer.readUInt16LE(28);
          var fileDataStart = entry.relativeOffsetOfLocalHeader + 30 + fileNameLength + extraFieldLength;
          if (fileDataStart + entry.compressedSize > self.fileSize) {
            return callback(new Error("file data overflows file bounds: " + fileDataStart + " + " + entry.compressedSize + " > " + self.fileSize));
          }
          if (options2.minimal) {
            return callback(null, { fileDataStart });
          }
          var localFileHeader = new LocalFileHeader();
          localFileHeader.fileDataStart = fileDataStart;
          localFileHeader.versionNeededToExtract = buffer.readUInt16LE(4);
          localFileHeader.generalPurposeBitFlag = buffer.readUInt16LE(6);
          localFileHeader.compressionMethod = buffer.readUInt16LE(8);
          localFileHeader.lastModFileTime = buffer.readUInt16LE(10);
          localFileHeader.lastModFileDate = buffer.readUInt16LE(12);
          localFileHeader.crc32 = buffer.readUInt32LE(14);
          localFileHeader.compressedSize = buffer.readUInt32LE(18);
          localFileHeader.uncompressedSize = buffer.readUInt32LE(22);
          localFileHeader.fileNameLength = fileNameLength;
          localFileHeader.extraFieldLength = extraFieldLength;
          buffer = newBuffer(fileNameLength + extraFieldLength);
          self.reader.ref();
          readAndAssertNoEof(self.reader, buffer, 0, buffer.length, entry.relativeOffsetOfLocalHeader + 30, function(err2) {
            try {
              if (err2) return callback(err2);
              localFileHeader.fileName = buffer.subarray(0, fileNameLength);
              localFileHeader.extraField = buffer.subarray(fileNameLength);
              return callback(null, localFileHeader);
            } finally {
              self.reader.unref();
            }
          });
        } finally {
          self.reader.unref();
        }
      });
    };
    ZipFile.prototype.openReadStreamPromise = function(entry, options2) {
      return new Promise((resolve2, reject) => {
        this.openReadStream(entry, options2, function(err, readStream) {
          if (err) return reject(err);
          resolve2(readStream);
        });
      });
    };
    ZipFile.prototype.openReadStreamLowLevelPromise = function(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize) {
      return new Promise((resolve2, reject) => {
        this.openReadStream(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize, function(err, readStream) {
          if (err) return reject(err);
          resolve2(readStream);
        });
      });
    };
    ZipFile.prototype.readLocalFileHeaderPromise = function(entry, options2) {
      return new Promise((resolve2, reject) => {
        this.readLocalFileHeader(entry, options2, function(err, localFileHeader) {
          if (err) return reject(err);
          resolve2(localFileHeader);
        });
      });
    };
    function Entry() {
    }
    Entry.prototype.getLastModDate = function(options2) {
      if (options2 == null) options2 = {};
      if (!options2.forceDosFormat) {
        for (var i = 0; i < this.extraFields.length; i++) {
          var extraField = this.extraFields[i];
          if (extraField.id === 21589) {
            var data = extraField.data;
            if (data.length < 5) continue;
            var flags = data[0];
            var HAS_MTIME = 1;
            if (!(flags & HAS_MTIME)) continue;
            var posixTimestamp = data.readInt32LE(1);
            return new Date(posixTimestamp * 1e3);
          } else if (extraField.id === 10) {
            var data = extraField.data;
            if (data.length !== 32) continue;
            if (data.readUInt16LE(4) !== 1) continue;
            if (data.readUInt16LE(6) !== 24) continue;
            var hundredNanoSecondsSince1601 = data.readUInt32LE(8) + 4294967296 * data.readInt32LE(12);
            var millisecondsSince1970 = hundredNanoSecondsSince1601 / 1e4 - 116444736e5;
            return new Date(millisecondsSince1970);
          }
        }
      }
      return dosDateTimeToDate(this.lastModFileDate, this.lastModFileTime, options2.timezone);
    };
    Entry.prototype.canDecodeFileData = function() {
      return !this.isEncrypted() && (this.compressionMethod === 0 || this.compressionMethod === 8);
    };
    Entry.prototype.isEncrypted = function() {
      return (this.generalPurposeBitFlag & 1) !== 0;
    };
    Entry.prototype.isCompressed = function() {
      return this.compressionMethod === 8;
    };
    function LocalFileHeader() {
    }
    function dosDateTimeToDate(date, time, timezone) {
      var day = date & 31;
      var month = (date >> 5 & 15) - 1;
      var year = (date >> 9 & 127) + 1980;
      var millisecond = 0;
      var second = (time & 31) * 2;
      var minute = time >> 5 & 63;
      var hour = time >> 11 & 31;
      if (timezone == null || timezone === "local") {
        return new Date(year, month, day, hour, minute, second, millisecond);
      } else if (timezone === "UTC") {
        return new Date(Date.UTC(year, month, day, hour, minute, second, millisecond));
      } else {
        throw new Error("unrecognized options.timezone: " + options.timezone);
      }
    }
    function getFileNameLowLevel(generalPurposeBitFlag, fileNameBuffer, extraFields, strictFileNames) {
      var fileName = null;
      for (var i = 0; i < extraFields.length; i++) {
        var extraField = extraFields[i];
        if (extraField.id === 28789) {
          if (extraField.data.length < 6) {
            continue;
          }
          if (extraField.data.readUInt8(0) !== 1) {
            continue;
          }
          var oldNameCrc32 = extraField.data.readUInt32LE(1);
          if (crc32(fileNameBuffer) !== oldNameCrc32) {
            continue;
          }
          fileName = decodeBuffer(extraField.data.subarray(5), true);
          break;
        }
      }
      if (fileName == null) {
        var isUtf8 = (generalPurposeBitFlag & 2048) !== 0;
        fileName = decodeBuffer(fileNameBuffer, isUtf8);
      }
      if (!strictFileNames) {
        fileName = fileName.replace(/\\/g, "/");
      }
      return fileName;
    }
    function validateFileName(fileName) {
      if (fileName.indexOf("\\") !== -1) {
        return "invalid characters in fileName: " + fileName;
      }
      if (/^[a-zA-Z]:/.test(fileName) || /^\//.test(fileName)) {
        return "absolute path: " + fileName;
      }
      if (fileName.split("/").indexOf("..") !== -1) {
        return "invalid relative path: " + fileName;
      }
      return null;
    }
    function parseExtraFields(extraFieldBuffer) {
      var extraFields = [];
      var i = 0;
      while (i < extraFieldBuffer.length - 3) {
        var headerId = extraFieldBuffer.readUInt16LE(i + 0);
        var dataSize = extraFieldBuffer.readUInt16LE(i + 2);
        var dataStart = i + 4;
        var dataEnd = dataStart + dataSize;
        if (dataEnd > extraFieldBuffer.length) throw new Error("extra field length exceeds extra field buffer size");
        var dataBuffer = extraFieldBuffer.subarray(dataStart, dataEnd);
        extraFields.push({
          id: headerId,
          data: dataBuffer
        });
        i = dataEnd;
      }
      return extraFields;
    }
    function readAndAssertNoEof(reader, buffer, offset, length, position, callback) {
      if (length === 0) {
        return setImmediate(function() {
          callback(null, newBuffer(0));
        });
      }
      reader.read(buffer, offset, length, position, function(err, bytesRead) {
        if (err) return callback(err);
        if (bytesRead < length) {
          return callback(new Error("unexpected EOF"));
        }
        callback();
      });
    }
    util.inherits(AssertByteCountStream, Transform);
    function AssertByteCountStream(byteCount) {
      Transform.call(this);
      this.actualByteCount = 0;
      this.expectedByteCount = byteCount;
    }
    AssertByteCountStream.prototype._transform = function(chunk, encoding, cb) {
      this.actualByteCount += chunk.length;
      if (this.actualByteCount > this.expectedByteCount) {
        var msg = "too many bytes in the stream. expected " + this.expectedByteCount + ". got at least " + this.actualByteCount;
        return cb(new Error(msg));
      }
      cb(null, chunk);
    };
    AssertByteCountStream.prototype._flush = function(cb) {
      if (this.actualByteCount < this.expectedByteCount) {
        var msg = "not enough bytes in the stream. expected " + this.expectedByteCount + ". got only " + this.actualByteCount;
        return cb(new Error(msg));
      }
      cb();
    };
    util.inherits(RandomAccessReader, EventEmitter);
    function RandomAccessReader() {
      EventEmitter.call(this);
      this.refCount = 0;
    }
    RandomAccessReader.prototype.ref = function() {
      this.refCount += 1;
    };
    RandomAccessReader.prototype.unref = function() {
      var self = this;
      self.refCount -= 1;
      if (self.refCount > 0) return;
      if (self.refCount < 0) throw new Error("invalid unref");
      self.close(onCloseDone);
      function onCloseDone(err) {
        if (err) return self.emit("error", err);
        self.emit("close");
      }
    };
    RandomAccessReader.prototype.createReadStream = function(options2) {
      if (options2 == null) options2 = {};
      var start = options2.start;
      var end = options2.end;
      if (start === end) {
        var emptyStream = new PassThrough();
        setImmediate(function() {
          emptyStream.end();
        });
        return emptyStream;
      }
      var stream = this._readStreamForRange(start, end);
      var destroyed = false;
      var refUnrefFilter = new RefUnrefFilter(this);
      stream.on("error", function(err) {
        setImmediate(function() {
          if (!destroyed) refUnrefFilter.emit("error", err);
        });
      });
      installDestroyFn(refUnrefFilter, function() {
        stream.unpipe(refUnrefFilter);
        refUnrefFilter.unref();
        stream.destroy();
      });
      var byteCounter = new AssertByteCountStream(end - start);
      refUnrefFilter.on("error", function(err) {
        setImmediate(function() {
          if (!destroyed) byteCounter.emit("error", err);
        });
      });
      installDestroyFn(byteCounter, function() {
        destroyed = true;
        refUnrefFilter.unpipe(byteCounter);
        refUnrefFilter.destroy();
      });
      return stream.pipe(refUnrefFilter).pipe(byteCounter);
    };
    RandomAccessReader.prototype._readStreamForRange = function(start, end) {
      throw new Error("not implemented");
    };
    RandomAccessReader.prototype.read = function(buffer, offset, length, position, callback) {
      var readStream = this.createReadStream({ start: position, end: position + length });
      var writeStream = new Writable();
      var written = 0;
      writeStream._write = function(chunk, encoding, cb) {
        chunk.copy(buffer, offset + written, 0, chunk.length);
        written += chunk.length;
        cb();
      };
      writeStream.on("finish", callback);
      readStream.on("error", function(error) {
        callback(error);
      });
      readStream.pipe(writeStream);
    };
    RandomAccessReader.prototype.close = function(callback) {
      setImmediate(callback);
    };
    util.inherits(RefUnrefFilter, PassThrough);
    function RefUnrefFilter(context) {
      PassThrough.call(this);
      this.context = context;
      this.context.ref();
      this.unreffedYet = false;
    }
    RefUnrefFilter.prototype._flush = function(cb) {
      this.unref();
      cb();
    };
    RefUnrefFilter.prototype.unref = function(cb) {
      if (this.unreffedYet) return;
      this.unreffedYet = true;
      this.context.unref();
    };
    var cp437 = "\0\u263A\u263B\u2665\u2666\u2663\u2660\u2022\u25D8\u25CB\u25D9\u2642\u2640\u266A\u266B\u263C\u25BA\u25C4\u2195\u203C\xB6\xA7\u25AC\u21A8\u2191\u2193\u2192\u2190\u221F\u2194\u25B2\u25BC !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\u2302\xC7\xFC\xE9\xE2\xE4\xE0\xE5\xE7\xEA\xEB\xE8\xEF\xEE\xEC\xC4\xC5\xC9\xE6\xC6\xF4\xF6\xF2\xFB\xF9\xFF\xD6\xDC\xA2\xA3\xA5\u20A7\u0192\xE1\xED\xF3\xFA\xF1\xD1\xAA\xBA\xBF\u2310\xAC\xBD\xBC\xA1\xAB\xBB\u2591\u2592\u2593\u2502\u2524\u2561\u2562\u2556\u2555\u2563\u2551\u2557\u255D\u255C\u255B\u2510\u2514\u2534\u252C\u251C\u2500\u253C\u255E\u255F\u255A\u2554\u2569\u2566\u2560\u2550\u256C\u2567\u2568\u2564\u2565\u2559\u2558\u2552\u2553\u256B\u256A\u2518\u250C\u2588\u2584\u258C\u2590\u2580\u03B1\xDF\u0393\u03C0\u03A3\u03C3\xB5\u03C4\u03A6\u0398\u03A9\u03B4\u221E\u03C6\u03B5\u2229\u2261\xB1\u2265\u2264\u2320\u2321\xF7\u2248\xB0\u2219\xB7\u221A\u207F\xB2\u25A0\xA0";
    function decodeBuffer(buffer, isUtf8) {
      if (isUtf8) {
        return buffer.toString("utf8");
      } else {
        var result = "";
        for (var i = 0; i < buffer.length; i++) {
          result += cp437[buffer[i]];
        }
        return result;
      }
    }
    function readUInt64LE(buffer, offset) {
      var lower32 = buffer.readUInt32LE(offset);
      var upper32 = buffer.readUInt32LE(offset + 4);
      return upper32 * 4294967296 + lower32;
    }
    var newBuffer;
    if (typeof Buffer.allocUnsafe === "function") {
      newBuffer = function(len) {
        return Buffer.allocUnsafe(len);
      };
    } else {
      newBuffer = function(len) {
        return new Buffer(len);
      };
    }
    function installDestroyFn(stream, fn) {
      if (typeof stream.destroy === "function") {
        stream._destroy = function(err, cb) {
          fn();
          if (cb != null) cb(err);
        };
      } else {
        stream.destroy = fn;
      }
    }
    function defaultCallback(err) {
      if (err) throw err;
    }
  }
});

// src/ota/order.ts
function orderKey(record) {
  const { runId, runAttempt } = record.source;
  return { buildId: record.buildId, createdAt: record.createdAt, runId, runAttempt };
}
var runOf = (key) => key.runId !== void 0 && /^\d+$/.test(key.runId) ? BigInt(key.runId) : void 0;
function compareNewestFirst(a, b) {
  const [runA, runB] = [runOf(a), runOf(b)];
  if (runA !== void 0 || runB !== void 0) {
    if (runA === void 0) return 1;
    if (runB === void 0) return -1;
    if (runA !== runB) return runA > runB ? -1 : 1;
    const attempts = (b.runAttempt ?? 1) - (a.runAttempt ?? 1);
    if (attempts !== 0) return attempts;
  }
  const byTime = Date.parse(b.createdAt ?? "") - Date.parse(a.createdAt ?? "");
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
  return b.buildId.localeCompare(a.buildId, "en", { numeric: true });
}
function newestFirst(a, b) {
  return compareNewestFirst(orderKey(a), orderKey(b));
}

// src/report/comment-protocol.ts
function commentMarker(key) {
  return `<!-- ipa-ota:${encodeURIComponent(key)} -->`;
}
var SHOWN_PREFIX = "<!-- ipa-ota-shows ";
function shownLine(main, history) {
  const { runId, runAttempt, createdAt, buildId } = main;
  const fields = [
    `run=${encodeURIComponent(runId ?? "")}`,
    `attempt=${runAttempt ?? ""}`,
    `build=${encodeURIComponent(buildId)}`,
    `created=${encodeURIComponent(createdAt ?? "")}`,
    `history=${history.map(encodeURIComponent).join(",")}`
  ];
  return `${SHOWN_PREFIX}${fields.join(" ")} -->`;
}
function readShown(body) {
  const line = body.split("\n")[1] ?? "";
  if (!line.startsWith(SHOWN_PREFIX) || !line.endsWith(" -->")) return void 0;
  const fields = new Map(
    line.slice(SHOWN_PREFIX.length, -" -->".length).split(" ").map((field) => [field.slice(0, field.indexOf("=")), field.slice(field.indexOf("=") + 1)])
  );
  try {
    const build2 = decodeURIComponent(fields.get("build") ?? "");
    if (build2 === "") return void 0;
    const attempt = Number(fields.get("attempt"));
    return {
      runId: decodeURIComponent(fields.get("run") ?? "") || void 0,
      runAttempt: Number.isSafeInteger(attempt) && attempt > 0 ? attempt : void 0,
      buildId: build2,
      createdAt: decodeURIComponent(fields.get("created") ?? "") || void 0,
      history: (fields.get("history") ?? "").split(",").filter(Boolean).map(decodeURIComponent)
    };
  } catch {
    return void 0;
  }
}
function buildsOf(records, record) {
  return records.filter(
    (r) => r.channel === record.channel && r.app.bundleId === record.app.bundleId
  );
}
function showing(builds) {
  const [main, ...history] = [...builds].sort(newestFirst);
  return main && { main, history };
}
var sameIds = (ids, builds) => ids.length === builds.length && builds.every((build2, i) => build2.buildId === ids[i]);
function revise(current, view, renderers) {
  const want = showing(view.builds);
  if (want === void 0) return void 0;
  const shown = current === void 0 ? void 0 : readShown(current);
  if (current === void 0 || shown === void 0) return renderers.render(want);
  if (shown.buildId === want.main.buildId) {
    if (want.main.buildId === view.record.buildId) return renderers.render(want);
    if (sameIds(shown.history, want.history)) return void 0;
    return renderers.relist(current, want.history) ?? renderers.render(want);
  }
  const unseenNewer = !view.builds.some((build2) => build2.buildId === shown.buildId) && !view.removed.includes(shown.buildId) && compareNewestFirst(shown, orderKey(want.main)) < 0;
  if (!unseenNewer) return renderers.render(want);
  const history = [...view.builds].sort(newestFirst);
  if (history.every((build2) => shown.history.includes(build2.buildId))) return void 0;
  return renderers.relist(current, history);
}
var MAX_ROUNDS = 5;
async function showNewest(writer, renderers, first, reread) {
  let view = first;
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const { url, written } = await writer.write((current) => revise(current, view, renderers));
    if (!reread || round > 1 && !written) return url;
    const fresh = await reread();
    if (fresh === void 0) return url;
    view = { ...view, builds: buildsOf(fresh, view.record) };
  }
  throw new UserError(
    `The pull-request comment was written ${MAX_ROUNDS} times and the site still changed after each: other runs keep publishing to channel ${view.record.channel}, so the comment may not show the newest build. The next run's comment will.`
  );
}

// src/expiry.ts
var DAY_MS = 24 * 60 * 60 * 1e3;
function daysLeft(expires, now) {
  return Math.ceil((new Date(expires).getTime() - now.getTime()) / DAY_MS);
}
function expiryText(expires, now) {
  const days = daysLeft(expires, now);
  if (Number.isNaN(days)) return "expiry unknown";
  if (days > 0) return `expires in ${days} day${days === 1 ? "" : "s"}`;
  const ago = -days;
  return ago === 0 ? "expired today" : `expired ${ago} day${ago === 1 ? "" : "s"} ago`;
}

// src/ota/page-script.ts
var PAGE_SCRIPT = `(function () {
  var ua = navigator.userAgent;
  var ipadAsMac = /Macintosh/.test(ua) && navigator.maxTouchPoints > 1;
  var ios = /iPhone|iPad|iPod/.test(ua) || ipadAsMac;
  var inApp = /FBAN|FBAV|FB_IAB|Instagram|LinkedInApp|MicroMessenger|Telegram|\\bLine\\/|Snapchat|musical_ly|BytedanceWebview/.test(ua);
  var mode = !ios ? 'desktop' : inApp ? 'in-app' : 'ios';
  document.documentElement.setAttribute('data-device', mode);
  function show(id, visible) {
    var element = document.getElementById(id);
    if (element) element.hidden = !visible;
  }
  // A profile that expired after publishing: the same banner as a build published unusable.
  var expiredBanner = document.getElementById('expired');
  var expired = false;
  if (expiredBanner) {
    expired = new Date(expiredBanner.getAttribute('data-until')).getTime() < Date.now();
    expiredBanner.hidden = !expired;
  }
  show('install', mode === 'ios' && !expired);
  show('in-app', mode === 'in-app' && !expired);
  show('desktop', mode === 'desktop' && !expired);
  var copy = document.getElementById('copy-link');
  if (copy) {
    copy.addEventListener('click', function () {
      var done = function (text) { copy.textContent = text; };
      if (!navigator.clipboard) return done('Copy the address from the address bar');
      navigator.clipboard.writeText(location.href).then(
        function () { done('Link copied: paste it in Safari'); },
        function () { done('Copy the address from the address bar'); }
      );
    });
  }
  document.querySelectorAll('time[datetime]').forEach(function (element) {
    var date = new Date(element.getAttribute('datetime'));
    if (!isNaN(date.getTime())) element.textContent = date.toLocaleString();
  });
  document.querySelectorAll('[data-expires]').forEach(function (element) {
    var expires = new Date(element.getAttribute('data-expires')).getTime();
    if (expires < Date.now()) element.hidden = false;
  });
  // This page never changes once published; the channel's latest.json, rewritten on every
  // publish, says whether a newer build exists. Only a checked build id reaches the link.
  var newer = document.getElementById('newer');
  if (newer && window.fetch) {
    fetch('../latest.json', { cache: 'no-store' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (latest) {
        if (!latest || typeof latest.buildId !== 'string' || !/^[a-z0-9._-]+$/.test(latest.buildId)) return;
        if (latest.buildId === newer.getAttribute('data-build-id')) return;
        if (!(Date.parse(latest.createdAt) > Date.parse(newer.getAttribute('data-created')))) return;
        var link = document.getElementById('newer-link');
        link.href = '../' + latest.buildId + '/index.html';
        link.textContent = 'Newer build available: ' + String(latest.version) + ' (' + String(latest.build) + ') \u203A';
        newer.hidden = false;
      })
      .catch(function () {});
  }
})();
`;

// src/ota/page.ts
var PROFILE_LABELS = {
  development: "Development",
  "ad-hoc": "Ad Hoc",
  enterprise: "Enterprise (in-house)",
  "app-store": "App Store"
};
var CSS = `
header { display: flex; gap: 1rem; align-items: center; margin-top: .5rem; }
header img { width: 72px; height: 72px; border-radius: 16px; flex: none; }
header p { margin: .15rem 0 0; }
#desktop { text-align: center; }
#desktop img { width: 240px; height: 240px; max-width: 100%; background: #fff; border-radius: 8px; }
.notes { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
.files { font-size: .9rem; }
`;
function repositoryUrl(source) {
  if (source.repository === void 0) return void 0;
  const path = source.repository.split("/").map(encodeURIComponent).join("/");
  return `${source.serverUrl.replace(/\/+$/, "")}/${path}`;
}
var row = (term, value) => html`<dt>${term}</dt><dd>${value}</dd>`;
function sourceRows(source, createdAt) {
  const repo = repositoryUrl(source);
  const rows = [];
  if (source.repository !== void 0) {
    rows.push(row("Repository", linkOrText(source.repository, repo)));
  }
  if (source.pr !== void 0) {
    const url = repo === void 0 ? void 0 : `${repo}/pull/${source.pr}`;
    rows.push(row("Pull request", linkOrText(`#${source.pr}`, url)));
  }
  if (source.ref !== void 0) {
    const label = source.refType === "tag" ? "Tag" : "Branch";
    const url = repo === void 0 ? void 0 : `${repo}/tree/${source.ref.split("/").map(encodeURIComponent).join("/")}`;
    rows.push(row(label, linkOrText(source.ref, url)));
  }
  if (source.sha !== void 0) {
    const validSha = /^[0-9a-f]{7,64}$/i.test(source.sha);
    const url = repo === void 0 || !validSha ? void 0 : `${repo}/commit/${source.sha}`;
    rows.push(row("Commit", html`<code>${linkOrText(source.sha.slice(0, 7), url)}</code>`));
  }
  if (source.runId !== void 0) {
    const label = `${source.workflow ?? "Workflow"}${source.runNumber === void 0 ? "" : ` #${source.runNumber}`}`;
    const url = repo === void 0 || !/^\d+$/.test(source.runId) ? void 0 : `${repo}/actions/runs/${source.runId}`;
    rows.push(row("Workflow run", linkOrText(label, url)));
  }
  if (source.actor !== void 0) rows.push(row("By", source.actor));
  rows.push(row("Built", html`<time datetime="${createdAt}">${formatUtc(createdAt)}</time>`));
  return rows;
}
var DEVELOPER_MODE = "Developer Mode (iOS 16 or later): Settings \u203A Privacy & Security \u203A Developer Mode, then restart the device.";
function profileAdvice(record) {
  const profile = record.profile;
  if (profile === void 0) {
    return html`<p class="note">This build carries no provisioning profile, so no device can install it. Sign it with an ad hoc, development or enterprise profile.</p>`;
  }
  const devices = `${profile.devices} registered device${profile.devices === 1 ? "" : "s"}`;
  switch (profile.type) {
    case "development":
      return html`<p class="note">Only the ${devices} of the provisioning profile can install this development build. Turn on ${DEVELOPER_MODE}</p>`;
    case "ad-hoc":
      return html`<p class="note">Only the ${devices} of the provisioning profile can install this ad hoc build. If iOS says the app needs it, turn on ${DEVELOPER_MODE}</p>`;
    case "enterprise": {
      const team = profile.teamName ?? "the developer";
      return html`<p class="note">After installing, trust the developer before the first launch: Settings › General › VPN &amp; Device Management › ${team} › Trust.</p>`;
    }
    case "app-store":
      return html`<p class="note">This build is signed for the App Store and cannot be installed from this page; upload it to TestFlight instead.</p>`;
  }
}
function profileRows(record) {
  const profile = record.profile;
  if (profile === void 0) return [row("Profile", "none")];
  const { expires } = profile;
  const rows = [
    row(
      "Profile",
      `${PROFILE_LABELS[profile.type]}${profile.name === "" ? "" : ` \xB7 ${profile.name}`}`
    ),
    row(
      "Expires",
      html`<time datetime="${expires}">${formatUtc(expires)}</time> · ${publishedExpiry(record)} <strong data-expires="${expires}" hidden>(expired)</strong>`
    ),
    row("Devices", profile.provisionsAllDevices ? "any device" : String(profile.devices))
  ];
  if (profile.teamName !== void 0) rows.push(row("Team", profile.teamName));
  return rows;
}
function publishedExpiry(record) {
  const expires = record.profile?.expires;
  if (expires === void 0) return "";
  return `${expiryText(expires, new Date(record.createdAt))} (as of publishing)`;
}
function blockersOf(record) {
  const blockers = record.blockers;
  return Array.isArray(blockers) ? blockers.filter((each) => typeof each === "string") : [];
}
function banner(record, blockers) {
  if (blockers.length > 0) {
    return html`<section id="blocked" class="banner" role="alert"><h2>This build cannot be installed</h2><ul>${blockers.map((reason2) => html`<li>${reason2}</li>`)}</ul></section>\n`;
  }
  const expires = record.profile?.expires;
  if (expires === void 0) return "";
  return html`<section id="expired" class="banner" role="alert" data-until="${expires}" hidden><h2>This build cannot be installed</h2><p>Its provisioning profile expired on <time datetime="${expires}">${formatUtc(expires)}</time>, so iOS refuses to install it. Look for a newer build of this channel, or ask for one: the profile must be renewed and the app exported again.</p></section>\n`;
}
function navigation(record) {
  return html`<nav class="crumbs"><a id="channel-link" href="../index.html">All builds of ${record.channel}</a> · <a href="../../index.html">All channels</a></nav>
<p id="newer" class="newer" data-build-id="${record.buildId}" data-created="${record.createdAt}" hidden><a id="newer-link" href="../index.html">Newer build available ›</a></p>\n`;
}
function installBlock(input) {
  const qrSubject = input.qr === "page" ? "this page" : "the install link";
  return html`<div id="install"><a id="install-button" class="button" href="${input.record.urls.install}">Install</a></div>
<div id="in-app" hidden><p><strong>Open this page in Safari to install.</strong> Apps cannot be installed from this app's built-in browser: tap the ••• or share button and choose “Open in Safari”.</p><button id="copy-link" class="button" type="button">Copy link</button></div>
<div id="desktop"><p>Scan this code with the camera of your iPhone or iPad to install.</p><img src="${input.files.qrImage}" alt="QR code of ${qrSubject}" width="240" height="240"></div>\n`;
}
function renderPage(input) {
  const { record, title, files } = input;
  const { app } = record;
  const blockers = blockersOf(record);
  const version = `Version ${app.version} (${app.build})`;
  const icon = input.hasIcon ? html`<img src="icon.png" alt="" width="72" height="72">` : "";
  const appRows = [
    row("Bundle ID", html`<code>${app.bundleId}</code>`),
    row("Version", `${app.version} (${app.build})`),
    row("Size", formatBytes(app.ipaSize))
  ];
  if (app.minimumOsVersion !== void 0) {
    appRows.push(row("Requires", `iOS ${app.minimumOsVersion} or later`));
  }
  const notes = record.notes === void 0 || record.notes.trim() === "" ? "" : html`<section class="card"><h2>Release notes</h2><p class="notes">${record.notes}</p></section>`;
  const body = html`${navigation(record)}${banner(record, blockers)}<header>${icon}<div><h1>${title}</h1><p class="muted">${version}</p></div></header>
${blockers.length > 0 ? "" : html`<section class="card">\n${installBlock(input)}${profileAdvice(record)}\n</section>\n`}${notes}
${input.extra}<section class="card"><h2>App</h2><dl>${appRows}</dl></section>
<section class="card"><h2>Provisioning</h2><dl>${profileRows(record)}</dl></section>
<section class="card"><h2>Source</h2><dl>${sourceRows(record.source, record.createdAt)}</dl></section>
<p class="files muted"><a href="${files.ipa}">IPA</a> · <a href="${files.manifest}">manifest</a> · <a href="build.json">build.json</a></p>`;
  const head = input.hasIcon ? raw('<link rel="icon" href="icon.png">\n<link rel="apple-touch-icon" href="icon.png">') : void 0;
  return renderDocument({
    title: `Install ${title} ${app.version} (${app.build})`,
    body,
    css: CSS,
    script: PAGE_SCRIPT,
    fetchesSite: true,
    ...head === void 0 ? {} : { head }
  });
}

// src/ota/changes-text.ts
function formatDelta(change) {
  if (change.delta === 0) return "no change";
  const percent = formatPercent(change);
  return `${signedBytes(change)}${percent === "" ? "" : `, ${percent}`}`;
}
function signedBytes(change) {
  return `${change.delta < 0 ? "\u2212" : "+"}${formatBytes(Math.abs(change.delta))}`;
}
function formatPercent(change) {
  if (change.percent === void 0 || change.delta === 0) return "";
  return `${change.delta < 0 ? "\u2212" : "+"}${Math.abs(change.percent).toFixed(1)}%`;
}
function moverText(change) {
  const { installed, compressed } = change;
  const what = installed.before === 0 ? "added, " : installed.after === 0 ? "removed, " : "";
  const percent = what === "" ? formatPercent(installed) : "";
  return `${change.name} (${change.kind}): ${what}installed ${signedBytes(installed)}${percent === "" ? "" : ` (${percent})`}, download ${signedBytes(compressed)}`;
}
var MAX_MOVERS = 10;
function describeChanges(comparison) {
  const { base } = comparison;
  const lines = [];
  const add = (label, text2) => lines.push({ label, text: text2 });
  const size = `${formatBytes(comparison.ipaSize.after)} (${formatDelta(comparison.ipaSize)})`;
  const installed = comparison.installedSize ? ` \xB7 installed ${formatBytes(comparison.installedSize.after)} (${formatDelta(comparison.installedSize)})` : "";
  add("Size", `${size}${installed}`);
  if (comparison.version)
    add("Version", `${comparison.version.before} \u2192 ${comparison.version.after}`);
  if (comparison.minimumOs) {
    add("Minimum iOS", `${comparison.minimumOs.before} \u2192 ${comparison.minimumOs.after}`);
  }
  listLines(add, "Devices", comparison.deviceFamilies);
  const permissions = comparison.permissions;
  for (const { key, text: text2 } of permissions?.added ?? []) add("Permission added", `${key}: \u201C${text2}\u201D`);
  for (const { key, before, after } of permissions?.reworded ?? []) {
    add("Permission reworded", `${key}: \u201C${before}\u201D \u2192 \u201C${after}\u201D`);
  }
  for (const { key, text: text2 } of permissions?.removed ?? []) {
    add("Permission removed", `${key}: \u201C${text2}\u201D`);
  }
  listLines(add, "Entitlements", comparison.entitlements);
  listLines(add, "URL schemes", comparison.urlSchemes);
  listLines(add, "Frameworks", comparison.frameworks);
  listLines(add, "Extensions", comparison.extensions);
  const profile = comparison.profile;
  if (profile) {
    const parts = [
      profile.type && `${profile.type.before} \u2192 ${profile.type.after}`,
      profile.expires && `expires ${profile.expires.before} \u2192 ${profile.expires.after}`,
      profile.devices && `${profile.devices.before} \u2192 ${profile.devices.after} devices`
    ].filter((part) => typeof part === "string");
    add("Profile", parts.join("; "));
  }
  const movers = (comparison.components ?? []).map(moverText);
  return {
    title: `Changes since ${base.name} ${base.version} (${base.build})`,
    lines,
    movers
  };
}
function listLines(add, label, change) {
  if (change === void 0) return;
  if (change.added.length > 0) add(`${label} added`, change.added.join(", "));
  if (change.removed.length > 0) add(`${label} removed`, change.removed.join(", "));
}
function noBaseText(changes) {
  return changes.channel === changes.ownChannel ? "first build of this channel" : `no build of ${changes.channel} to compare with`;
}

// src/ota/indexes.ts
var CSS2 = `
.title { font-weight: 600; }
.actions { display: flex; gap: 1rem; margin-top: .25rem; }
.app { display: flex; gap: .75rem; align-items: center; }
.app img { width: 48px; height: 48px; border-radius: 11px; flex: none; }
.latest header { display: flex; gap: 1rem; align-items: center; margin-bottom: .75rem; }
.latest header img { width: 64px; height: 64px; border-radius: 14px; flex: none; }
.latest header p { margin: 0; }
.latest h2 { color: inherit; text-transform: none; letter-spacing: 0; font-size: 1.2rem; margin: 0; }
#desktop { text-align: center; }
#desktop img { width: 200px; height: 200px; max-width: 100%; background: #fff; border-radius: 8px; }
`;
var SCRIPT = `(function () {
  var ua = navigator.userAgent;
  var ios = /iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1);
  var now = Date.now();
  var expired = function (element) {
    var until = element && element.getAttribute('data-until');
    return until ? new Date(until).getTime() < now : false;
  };
  var banner = document.getElementById('expired');
  var gone = expired(banner);
  if (banner) banner.hidden = !gone;
  var install = document.getElementById('install');
  var desktop = document.getElementById('desktop');
  if (install) install.hidden = !ios || gone;
  if (desktop) desktop.hidden = ios || gone;
  document.querySelectorAll('a.install[data-until]').forEach(function (link) {
    if (expired(link)) link.hidden = true;
  });
  document.querySelectorAll('time[datetime]').forEach(function (element) {
    var date = new Date(element.getAttribute('datetime'));
    if (!isNaN(date.getTime())) element.textContent = date.toLocaleString();
  });
})();
`;
var INSTALL_SCHEME = "itms-services://";
function hasSafePath(record) {
  return isSlug(record.channel) && isSlug(record.buildId);
}
function groupByChannel(records) {
  const sorted = records.filter(hasSafePath).sort(newestFirst);
  const channels = /* @__PURE__ */ new Map();
  for (const record of sorted) {
    const builds = channels.get(record.channel) ?? [];
    builds.push(record);
    channels.set(record.channel, builds);
  }
  return channels;
}
function siteFile(path, text2, contentType) {
  const content = Buffer.from(text2, "utf8");
  return { path, content, size: content.length, contentType, immutable: false };
}
var htmlFile = (path, page) => siteFile(path, page, "text/html; charset=utf-8");
function installable(record) {
  return record.urls.install.startsWith(INSTALL_SCHEME) && blockersOf(record).length === 0;
}
var folder = (record) => encodeURIComponent(record.buildId);
var when = (record) => html`<time datetime="${record.createdAt}">${formatUtc(record.createdAt)}</time>`;
var expiry = (record) => record.profile === void 0 ? "" : ` \xB7 profile ${publishedExpiry(record)}`;
function latestCard(record) {
  const { app } = record;
  const dir = folder(record);
  const icon = record.urls.icon === void 0 ? "" : html`<img src="${dir}/icon.png" alt="">`;
  const blockers = blockersOf(record);
  const expires = record.profile?.expires;
  const banner2 = blockers.length > 0 ? html`<section class="banner" role="alert"><h2>The newest build cannot be installed</h2><ul>${blockers.map((reason2) => html`<li>${reason2}</li>`)}</ul></section>\n` : expires === void 0 ? "" : html`<section id="expired" class="banner" role="alert" data-until="${expires}" hidden><h2>The newest build cannot be installed</h2><p>Its provisioning profile has expired: ask for a new build.</p></section>\n`;
  const actions = installable(record) ? html`<div id="install"><a id="install-button" class="button" href="${record.urls.install}">Install</a></div>
<div id="desktop"><p>Scan this code with the camera of your iPhone or iPad to install.</p><img src="${dir}/qr.svg" alt="QR code of the newest build" width="200" height="200"></div>\n` : "";
  return html`<section class="card latest"><header>${icon}<div><p class="muted">Newest build</p><h2>${app.name} ${app.version} (${app.build})</h2><div class="muted">Build ${record.buildId} · ${when(record)}${expiry(record)}</div></div></header>
${banner2}${actions}<p><a href="${dir}/index.html">Details</a></p></section>`;
}
function channelPage(channel, builds) {
  const [latest, ...earlier] = builds;
  const items = earlier.map((record) => {
    const { app } = record;
    const install = installable(record) ? html`<a class="install" href="${record.urls.install}" data-until="${record.profile?.expires}">Install</a>` : "";
    return html`<li><div class="title">${app.name} ${app.version} (${app.build})</div>
<div class="muted">Build ${record.buildId} · ${when(record)}${expiry(record)}</div>
<div class="actions">${install}<a href="${folder(record)}/index.html">Details</a></div></li>\n`;
  });
  const list = items.length === 0 ? "" : html`<section class="card"><h2>Earlier builds</h2><ul class="list">\n${items}</ul></section>`;
  const body = html`<p class="crumbs"><a href="../index.html">All channels</a></p>
<h1>${channel}</h1>
<p class="muted">This page always shows the newest build of ${channel} first: bookmark it.</p>
${latest === void 0 ? "" : latestCard(latest)}
${list}`;
  return renderDocument({ title: `Builds of ${channel}`, body, css: CSS2, script: SCRIPT });
}
function rootPage(channels) {
  const items = [...channels].map(([channel, builds]) => {
    const latest = builds[0];
    const dir = encodeURIComponent(channel);
    const count = `${builds.length} build${builds.length === 1 ? "" : "s"}`;
    const icon = latest.urls.icon === void 0 ? "" : html`<img src="${dir}/${folder(latest)}/icon.png" alt="" width="48" height="48">`;
    const { app } = latest;
    return html`<li class="app">${icon}<div><a class="title" href="${dir}/index.html">${channel}</a>
<div>${app.name} ${app.version} (${app.build})</div>
<div class="muted">${count} · latest ${when(latest)}${expiry(latest)}</div></div></li>\n`;
  });
  const list = items.length === 0 ? html`<p class="muted">No builds yet.</p>` : html`<ul class="list">\n${items}</ul>`;
  return renderDocument({
    title: "Builds",
    body: html`<h1>Builds</h1>\n<section class="card">${list}</section>`,
    css: CSS2,
    script: TIMES_SCRIPT
  });
}
var TIMES_SCRIPT = `document.querySelectorAll('time[datetime]').forEach(function (element) {
  var date = new Date(element.getAttribute('datetime'));
  if (!isNaN(date.getTime())) element.textContent = date.toLocaleString();
});
`;
function latestJson(latest) {
  const { buildId, createdAt, app } = latest;
  const summary2 = { schema: 1, buildId, createdAt, version: app.version, build: app.build };
  return `${JSON.stringify(summary2)}
`;
}
function isListed(record) {
  return record.unlisted !== true;
}
function renderIndexes(root, records) {
  const base = siteRoot(root);
  const channels = groupByChannel(records.filter(isListed));
  const files = [htmlFile(sitePath(base, "index.html"), rootPage(channels))];
  for (const [channel, builds] of channels) {
    files.push(htmlFile(sitePath(base, channel, "index.html"), channelPage(channel, builds)));
    files.push(
      siteFile(sitePath(base, channel, "latest.json"), latestJson(builds[0]), "application/json")
    );
  }
  return files;
}

// src/ipa/inspect.ts
var DEVICE_FAMILIES = {
  1: "iPhone",
  2: "iPad",
  3: "Apple TV",
  4: "Apple Watch",
  6: "Mac",
  7: "Apple Vision"
};

// src/ota/comparison.ts
function compareBuilds(baseName, base, head) {
  const comparison = {
    base: { name: baseName, version: base.app.version, build: base.app.build },
    ipaSize: sizeChange(base.app.ipaSize, head.app.ipaSize)
  };
  const [a, b] = [base.app, head.app];
  if (a.installedSize !== void 0 && b.installedSize !== void 0) {
    comparison.installedSize = sizeChange(a.installedSize, b.installedSize);
  }
  if (a.version !== b.version || a.build !== b.build) {
    comparison.version = { before: `${a.version} (${a.build})`, after: `${b.version} (${b.build})` };
  }
  if (a.minimumOsVersion !== void 0 && b.minimumOsVersion !== void 0 && a.minimumOsVersion !== b.minimumOsVersion) {
    comparison.minimumOs = { before: a.minimumOsVersion, after: b.minimumOsVersion };
  }
  const familyNames = (families) => families.map(familyName);
  setList(comparison, "deviceFamilies", a.deviceFamilies, b.deviceFamilies, familyNames);
  if (a.usageDescriptions !== void 0 && b.usageDescriptions !== void 0) {
    const permissions = permissionChanges(a.usageDescriptions, b.usageDescriptions);
    if (permissions) comparison.permissions = permissions;
  }
  setList(comparison, "urlSchemes", a.urlSchemes, b.urlSchemes);
  if (a.components !== void 0 && b.components !== void 0) {
    const changed = componentChanges(a.components, b.components);
    if (changed.length > 0) comparison.components = changed;
    const named = (kinds) => (components) => components.filter((c) => kinds.includes(c.kind)).map((c) => c.name);
    setList(comparison, "frameworks", a.components, b.components, named(["framework"]));
    setList(comparison, "extensions", a.components, b.components, named(["extension", "watch"]));
  }
  setList(comparison, "entitlements", base.profile?.entitlements, head.profile?.entitlements);
  const profile = profileChanges(base.profile, head.profile);
  if (profile) comparison.profile = profile;
  const [before, after] = [base.profile?.deviceIds, head.profile?.deviceIds];
  if (before !== void 0 && after !== void 0) {
    const old = new Set(before);
    const added = after.filter((key) => !old.has(key));
    if (added.length > 0) comparison.newDevices = added;
  }
  return comparison;
}
function sizeChange(before, after) {
  const delta = after - before;
  return before > 0 ? { before, after, delta, percent: delta / before * 100 } : { before, after, delta };
}
function familyName(family) {
  return DEVICE_FAMILIES[family] ?? `family ${family}`;
}
function setList(comparison, key, before, after, names3 = (value) => value) {
  if (before === void 0 || after === void 0) return;
  const [old, now] = [new Set(names3(before)), new Set(names3(after))];
  const added = [...now].filter((name) => !old.has(name)).sort();
  const removed = [...old].filter((name) => !now.has(name)).sort();
  if (added.length > 0 || removed.length > 0) comparison[key] = { added, removed };
}
function permissionChanges(before, after) {
  const keys = (record) => Object.keys(record).sort();
  const added = keys(after).filter((key) => !Object.hasOwn(before, key)).map((key) => ({ key, text: after[key] }));
  const removed = keys(before).filter((key) => !Object.hasOwn(after, key)).map((key) => ({ key, text: before[key] }));
  const reworded = keys(after).filter((key) => Object.hasOwn(before, key) && before[key] !== after[key]).map((key) => ({ key, before: before[key], after: after[key] }));
  return added.length + removed.length + reworded.length > 0 ? { added, removed, reworded } : void 0;
}
function componentChanges(before, after) {
  const key = (c) => `${c.kind}/${c.name}`;
  const old = new Map(before.map((c) => [key(c), c]));
  const now = new Map(after.map((c) => [key(c), c]));
  const changes = [];
  for (const id of /* @__PURE__ */ new Set([...old.keys(), ...now.keys()])) {
    const [a, b] = [old.get(id), now.get(id)];
    const { kind, name } = b ?? a;
    const installed = sizeChange(a?.installed ?? 0, b?.installed ?? 0);
    const compressed = sizeChange(a?.compressed ?? 0, b?.compressed ?? 0);
    if (installed.delta !== 0 || compressed.delta !== 0) {
      changes.push({ kind, name, installed, compressed });
    }
  }
  return changes.sort(
    (x, y) => Math.abs(y.installed.delta) - Math.abs(x.installed.delta) || x.name.localeCompare(y.name)
  );
}
function profileChanges(before, after) {
  if (before === void 0 || after === void 0) return void 0;
  const changes = {};
  if (before.type !== after.type) changes.type = { before: before.type, after: after.type };
  if (formatDate(before.expires) !== formatDate(after.expires)) {
    changes.expires = { before: formatDate(before.expires), after: formatDate(after.expires) };
  }
  const count = (p) => p.provisionsAllDevices ? -1 : p.devices;
  if (count(before) !== count(after) && !after.provisionsAllDevices && !before.provisionsAllDevices) {
    changes.devices = { before: before.devices, after: after.devices };
  }
  return Object.keys(changes).length > 0 ? changes : void 0;
}

// src/ota/compare.ts
function findBase(current, head, channel) {
  return current.filter(
    (record) => hasSafePath(record) && record.channel === channel && record.app.bundleId === head.app.bundleId && !(record.channel === head.channel && record.buildId === head.buildId)
  ).sort(newestFirst)[0];
}
function changesSince(current, head, channel) {
  const record = findBase(current, head, channel);
  return {
    channel,
    ownChannel: head.channel,
    ...record === void 0 ? {} : { base: { record, comparison: compareBuilds(record.channel, record, head) } }
  };
}
function comparisonChannel(options2) {
  if (options2.compareTo === "none") return void 0;
  if (options2.compareTo !== void 0) return options2.compareTo;
  if (options2.pullRequest && options2.baseRef) return channelSlug(options2.baseRef);
  return options2.ownChannel;
}
function newSinceBase(changes, devices) {
  const added = new Set(changes?.base?.comparison.newDevices);
  return devices.filter((device) => added.has(deviceKey(device.id)));
}

// src/report/changes.ts
var CHANGES_BUDGET = 8e3;
var MOVERS_BUDGET = 3e3;
var DEVICES_BUDGET = 3e3;
var MAX_LINE = 200;
var MAX_NAME = 60;
var NEW_MARK = "(\u{1F195} new since the base build)";
function changesMarkdown(changes) {
  if (changes === void 0) return "";
  if (changes.base === void 0) return `**Changes:** ${escapeText(noBaseText(changes))}.`;
  const { title, lines, movers } = describeChanges(changes.base.comparison);
  const items = lines.map(
    (line) => `- **${escapeText(line.label)}:** ${escapeText(truncate(line.text, MAX_LINE))}`
  );
  const parts = [`#### ${escapeText(title)}`, within(items, CHANGES_BUDGET, "changes").join("\n")];
  if (movers.length > 0) {
    const shown = movers.slice(0, MAX_MOVERS).map((mover) => `- ${escapeText(truncate(mover, MAX_LINE))}`);
    const list = within(shown, MOVERS_BUDGET, "more");
    if (movers.length > MAX_MOVERS) list.push(`- \u2026and ${movers.length - MAX_MOVERS} more`);
    parts.push(
      `<details><summary>${escapeText(`Largest size changes by component (${movers.length})`)}</summary>

${list.join("\n")}

</details>`
    );
  }
  return parts.join("\n\n");
}
function devicesMarkdown(check, changes) {
  if (check === void 0) return "";
  if (check.anyDevice) return "**Installs on:** any device (the profile provisions all devices).";
  const rows = [];
  if (check.included.length > 0) {
    const added = new Set(newSinceBase(changes, check.included));
    rows.push(`- **Installs on:** ${names(check.included, added)}`);
  }
  if (check.missing.length > 0) {
    rows.push(
      `- **Not in this profile:** ${names(check.missing)}: ${escapeText("add them in the developer portal (Certificates, Identifiers & Profiles \u203A Devices), regenerate the profile and rebuild.")}`
    );
  }
  if (rows.length === 0) rows.push("- **Installs on:** none of the listed devices");
  return rows.join("\n");
}
function names(devices, added = /* @__PURE__ */ new Set()) {
  const escaped = devices.map(
    (device) => escapeText(truncate(device.name, MAX_NAME)) + (added.has(device) ? ` ${escapeText(NEW_MARK)}` : "")
  );
  const shown = [];
  let length = 0;
  for (const name of escaped) {
    if (length + name.length > DEVICES_BUDGET) break;
    shown.push(name);
    length += name.length + 2;
  }
  if (shown.length < escaped.length) shown.push(`and ${escaped.length - shown.length} more`);
  return shown.join(", ");
}
function within(items, budget, noun) {
  const shown = [];
  let length = 0;
  for (const item of items) {
    if (length + item.length + 1 > budget) break;
    shown.push(item);
    length += item.length + 1;
  }
  const hidden = items.length - shown.length;
  if (hidden > 0) shown.push(`- \u2026and ${hidden} more ${noun}`);
  return shown;
}

// src/ipa/verdict.ts
var EXPIRY_WARNING_DAYS = 14;
var DAY_MS2 = 24 * 60 * 60 * 1e3;
var OTHER_PLATFORMS = {
  appletvos: "tvOS",
  watchos: "watchOS",
  macosx: "macOS",
  xros: "visionOS"
};
var IOS_DEVICE_FAMILIES = [1, 2];
var EXPORT_METHODS = "export it with method ad-hoc, enterprise or development (xcodebuild -exportArchive with method release-testing, enterprise or debugging)";
function judge(info2, now) {
  const profile = info2.profile;
  const errors = [
    ...platformErrors(info2.app),
    ...signingErrors(info2),
    ...profile === void 0 ? [] : profileErrors(profile, now)
  ];
  const warnings = [
    ...versionWarnings(info2.app),
    ...profile === void 0 ? [] : profileWarnings(profile, info2.app, now)
  ];
  return { installable: errors.length === 0, errors, warnings };
}
function platformErrors(app) {
  if (app.simulator) {
    return [
      'This is a simulator build, which cannot run on an iPhone or iPad: archive it for a device (destination "generic/platform=iOS") and export an .ipa from the archive.'
    ];
  }
  const platform = otherPlatform(app);
  if (platform === void 0) return [];
  return [
    `This is a ${platform} app, and only iPhone and iPad apps install over the air: publish the iOS app target's .ipa instead.`
  ];
}
function otherPlatform(app) {
  const dtPlatform = app.platform?.toLowerCase();
  if (dtPlatform !== void 0 && dtPlatform !== "iphoneos") {
    return OTHER_PLATFORMS[dtPlatform] ?? `"${app.platform}"`;
  }
  if (dtPlatform === void 0 && app.supportedPlatforms.length > 0) {
    const platforms = app.supportedPlatforms;
    if (!platforms.includes("iPhoneOS")) return platforms.join("/");
  }
  const families = app.deviceFamilies;
  if (families.length > 0 && !families.some((family) => IOS_DEVICE_FAMILIES.includes(family))) {
    return families.includes(4) ? "watch-only" : `device family ${families.join("/")}`;
  }
  return void 0;
}
function signingErrors(info2) {
  if (info2.profile === void 0 && !info2.codeSigned) {
    return [
      `This build is not signed (it has no embedded.mobileprovision and no _CodeSignature), so iOS will refuse to install it: archive with a signing team and ${EXPORT_METHODS}.`
    ];
  }
  if (info2.profile === void 0) {
    return [
      `This build has no embedded provisioning profile, so iOS will refuse to install it: ${EXPORT_METHODS}.`
    ];
  }
  if (!info2.codeSigned) {
    return [
      "This build has a provisioning profile but no code signature (_CodeSignature is missing), so iOS will refuse to install it: export the .ipa with xcodebuild -exportArchive instead of zipping the .app by hand."
    ];
  }
  return [];
}
function profileErrors(profile, now) {
  const errors = [];
  if (profile.type === "app-store") {
    errors.push(
      `This build is signed for the App Store, which iOS will not install over the air: ${EXPORT_METHODS}.`
    );
  }
  if (profile.expires.getTime() <= now.getTime()) {
    errors.push(
      `The provisioning profile "${profile.name}" expired on ${formatDate(profile.expires)}, so iOS will refuse to install the build: renew the profile in the Apple Developer portal (or let Xcode manage signing) and export the build again.`
    );
  }
  const certificates = profile.certificates;
  if (certificates.length > 0 && certificates.every((certificate) => certificate.notAfter.getTime() <= now.getTime())) {
    const lastExpiry = Math.max(
      ...certificates.map((certificate) => certificate.notAfter.getTime())
    );
    errors.push(
      `Every signing certificate in the provisioning profile has expired (the last on ${formatDate(new Date(lastExpiry))}), so iOS will refuse to install the build: create a new certificate, regenerate the profile with it and export the build again.`
    );
  }
  return errors;
}
function versionWarnings(app) {
  if (!app.versionMissing) return [];
  return [
    `The Info.plist has no CFBundleShortVersionString, so the manifest and pages show the build number ${app.build} as the version: set Version in Xcode (target \u203A General \u203A Identity) and build again.`
  ];
}
function profileWarnings(profile, app, now) {
  const warnings = [];
  const msLeft = profile.expires.getTime() - now.getTime();
  if (msLeft > 0 && msLeft <= EXPIRY_WARNING_DAYS * DAY_MS2) {
    const days = Math.ceil(msLeft / DAY_MS2);
    warnings.push(
      `The provisioning profile "${profile.name}" expires on ${formatDate(profile.expires)} (in ${days} ${days === 1 ? "day" : "days"}), after which iOS will no longer install or launch this build: renew the profile and export the build again.`
    );
  }
  if (profile.appIdMatches === false) {
    warnings.push(
      `The provisioning profile is for the app id ${profile.appId ?? "(none)"}, which does not cover the bundle id ${app.bundleId}, so iOS may refuse to install the build: sign it with a profile made for ${app.bundleId}.`
    );
  }
  if (profile.signature === "invalid") {
    warnings.push(
      "The provisioning profile's signature does not verify (it was changed after Apple signed it), so iOS may refuse it: download the profile again from the Apple Developer portal and export the build again."
    );
  }
  if (profile.signature === "unsigned") {
    warnings.push(
      "The provisioning profile is a bare property list without Apple's signature, so iOS may refuse it: export the build again so Xcode embeds the signed profile."
    );
  }
  return warnings;
}

// src/report/build-details.ts
var MAX_NAME2 = 100;
var MAX_FIELD = 60;
var HTTP = ["https:", "http:"];
function versionText(record) {
  return `${truncate(record.app.version, MAX_FIELD)} (${truncate(record.app.build, MAX_FIELD)})`;
}
function details(record, now) {
  const rows = [
    `**Version:** ${escapeText(versionText(record))}`,
    `**Bundle id:** ${escapeText(truncate(record.app.bundleId, MAX_NAME2))}`,
    `**Channel:** ${escapeText(truncate(record.channel, MAX_NAME2))} \xB7 **Build:** ${escapeText(truncate(record.buildId, MAX_NAME2))}`,
    `**Size:** ${escapeText(formatBytes(record.app.ipaSize))}`,
    profileText(record, now),
    sourceText(record.source)
  ];
  return rows.filter((row2) => row2 !== "").map((row2) => `- ${row2}`).join("\n");
}
function profileText(record, now) {
  const profile = record.profile;
  if (!profile) return "";
  const date = formatDate(profile.expires);
  const days = daysLeft(profile.expires, now);
  const expiry2 = Number.isNaN(days) ? `expires ${date}` : `${days <= EXPIRY_WARNING_DAYS ? "\u26A0\uFE0F " : ""}${expiryText(profile.expires, now)} (${date})`;
  const devices = profile.provisionsAllDevices ? "all devices" : `${profile.devices} device${profile.devices === 1 ? "" : "s"}`;
  return `**Profile:** ${escapeText(`${profile.type}, ${expiry2}, ${devices}`)}`;
}
function sourceLinks(source) {
  const server = safeUrl(source.serverUrl, HTTP);
  const repository2 = source.repository;
  if (!server || !repository2 || !/^[\w.-]+\/[\w.-]+$/.test(repository2)) return {};
  const base = `${server.replace(/\/+$/, "")}/${repository2}`;
  return {
    commit: source.sha && /^[0-9a-f]{7,64}$/i.test(source.sha) ? `${base}/commit/${source.sha}` : void 0,
    run: source.runId && /^\d+$/.test(source.runId) ? `${base}/actions/runs/${source.runId}${source.runAttempt && source.runAttempt > 1 ? `/attempts/${source.runAttempt}` : ""}` : void 0
  };
}
function sourceText(source) {
  const links = sourceLinks(source);
  const parts = [
    links.commit && source.sha ? `**Commit:** ${link(links.commit, source.sha.slice(0, 7), HTTP)}` : "",
    links.run ? `**Workflow run:** ${link(links.run, `#${source.runNumber ?? source.runId}`, HTTP)}` : ""
  ];
  return parts.filter(Boolean).join(" \xB7 ");
}

// src/report/comment.ts
var MAX_COMMENT_LENGTH = 65536;
var MAX_HISTORY = 20;
var MAX_WARNINGS = 20;
var MAX_WARNING = 500;
var HTTP2 = ["https:", "http:"];
var HISTORY_TITLE = "Earlier builds of this pull request";
function renderComment(input) {
  const history = input.history.map((build2) => build2.buildId);
  return renderBuild(input, {
    // One part, so the hidden line is the comment's second line, where readShown looks.
    head: [`${commentMarker(input.key)}
${shownLine(orderKey(input.record), history)}`],
    title: HISTORY_TITLE,
    tail: [],
    limit: MAX_COMMENT_LENGTH
  });
}
function relistHistory(current, history, now) {
  const shown = readShown(current);
  const end = current.lastIndexOf("\n\n<sub>Updated ");
  if (shown === void 0 || end < 0) return void 0;
  const list = current.lastIndexOf(`

<details><summary>${escapeText(`${HISTORY_TITLE} (`)}`, end);
  const lines = current.slice(0, list >= 0 ? list : end).split("\n");
  const earlier = history.filter((build2) => build2.buildId !== shown.buildId);
  lines[1] = shownLine(
    shown,
    earlier.map((build2) => build2.buildId)
  );
  const head = lines.join("\n");
  let body = "";
  for (let listed = Math.min(earlier.length, MAX_HISTORY); listed >= 0; listed--) {
    body = [head, historyBlock(HISTORY_TITLE, earlier, listed, false), footer(now)].filter(Boolean).join("\n\n") + "\n";
    if (body.length <= MAX_COMMENT_LENGTH) break;
  }
  return body;
}
function renderBuild(input, options2) {
  let body = "";
  for (let shown = Math.min(input.history.length, MAX_HISTORY); shown >= 0; shown--) {
    body = compose(input, options2, shown, input.record.notes);
    if (body.length <= options2.limit) return body;
  }
  let notes = input.record.notes ?? "";
  while (notes !== "" && body.length > options2.limit) {
    const shorter = truncate(notes, Math.floor(graphemeCount(notes) / 2));
    notes = shorter === notes || shorter === "\u2026" ? "" : shorter;
    body = compose(input, options2, 0, notes || void 0);
  }
  return body;
}
function compose(input, options2, historyShown, notes) {
  const { record, now } = input;
  const { urls } = record;
  const name = truncate(record.app.name, MAX_NAME2);
  const blockers = blockersOf(record);
  const warnings = input.warnings.filter((warning2) => !blockers.includes(warning2));
  const latest = urls.channel ? ` \xB7 ${link(urls.channel, "Latest build of this channel", HTTP2)}` : "";
  const parts = [
    ...options2.head,
    `### ${[image(urls.icon, "", 24), escapeText(`${name} ${versionText(record)}`)].filter(Boolean).join(" ")}`,
    ...blockers.length > 0 ? [blockedAlert(blockers), `${link(urls.page, "Build page")}${latest}`] : [
      qrBlock(urls.qr, urls.page, name),
      `**${link(urls.page, "\u{1F4F2} Install")}**: open on the iPhone or iPad, or scan the QR code with its camera.${latest}`,
      installLinkBlock(urls.install)
    ],
    details(record, now),
    devicesMarkdown(input.devices, input.changes),
    changesMarkdown(input.changes),
    notes === void 0 || notes === "" ? "" : `**Notes**

${escapeText(notes)}`,
    warningsAlert(warnings),
    historyBlock(options2.title, input.history, historyShown, false),
    ...options2.tail,
    footer(now)
  ];
  return parts.filter((part) => part !== "").join("\n\n") + "\n";
}
function footer(now) {
  return `<sub>Updated ${escapeText(formatUtc(now.toISOString()))} by ipa-ota</sub>`;
}
function qrBlock(qr, page, name) {
  const img = image(qr, `QR code to install ${name}`, 180);
  const href = safeUrl(page);
  return img && href ? html`<a href="${href}">${raw(img)}</a>`.markup : img;
}
function installLinkBlock(install) {
  if (!install.startsWith("itms-services://?action=download-manifest&url=")) return "";
  return `<sub>Install link (paste it into Safari):</sub>

${codeBlock(install)}`;
}
function blockedAlert(blockers) {
  const shown = blockers.slice(0, MAX_WARNINGS).map((b) => `> - ${escapeText(truncate(b, MAX_WARNING))}`);
  return `> [!CAUTION]
> **This build cannot be installed** (published with profile-check: warn):
${shown.join("\n")}`;
}
function warningsAlert(warnings) {
  if (warnings.length === 0) return "";
  const shown = warnings.slice(0, MAX_WARNINGS).map((w) => `> - ${escapeText(truncate(w, MAX_WARNING))}`);
  if (warnings.length > MAX_WARNINGS) shown.push(`> - \u2026and ${warnings.length - MAX_WARNINGS} more`);
  return `> [!WARNING]
${shown.join("\n")}`;
}
function historyBlock(title, history, shown, removed) {
  if (history.length === 0) return "";
  const items = history.slice(0, shown).map((build2) => {
    const label = versionText(build2);
    const what = removed ? `<del>${escapeText(label)}</del>` : link(build2.urls.page, label);
    const commit = build2.source.sha ? ` \xB7 ${escapeText(build2.source.sha.slice(0, 7))}` : "";
    return `- ${what}${commit} \xB7 ${escapeText(formatUtc(build2.createdAt))}`;
  });
  const hidden = history.length - shown;
  if (hidden > 0) items.push(`- \u2026and ${hidden} older build${hidden === 1 ? "" : "s"}`);
  return `<details><summary>${escapeText(`${title} (${history.length})`)}</summary>

${items.join("\n")}

</details>`;
}
function renderRemovedComment(input) {
  const name = input.history[0]?.app.name;
  const heading = name ? `\u{1F5D1}\uFE0F ${truncate(name, MAX_NAME2)}: builds removed` : "\u{1F5D1}\uFE0F Builds removed";
  let body = "";
  for (let shown = Math.min(input.history.length, MAX_HISTORY); shown >= 0; shown--) {
    body = [
      commentMarker(input.key),
      `### ${escapeText(heading)}`,
      input.history.length > 0 ? "The builds of this pull request were removed from the site; their install links no longer work." : "No builds of this pull request were left on the site.",
      historyBlock("Removed builds", input.history, shown, true)
    ].filter(Boolean).join("\n\n") + "\n";
    if (body.length <= MAX_COMMENT_LENGTH) break;
  }
  return body;
}

// src/report/comment-author.ts
var ACTIONS_BOT = "github-actions[bot]";
var STAMP = /<!-- ipa-ota-author:(\S*) -->$/;
function stamp(body, login) {
  const [first = "", ...rest] = body.split("\n");
  const marker = first.replace(STAMP, "");
  const tag = login === void 0 || login === ACTIONS_BOT ? "" : `<!-- ipa-ota-author:${encodeURIComponent(login)} -->`;
  return [marker + tag, ...rest].join("\n");
}
function stampOf(body) {
  const match = STAMP.exec(body.split("\n")[0] ?? "");
  try {
    return match ? decodeURIComponent(match[1]) : void 0;
  } catch {
    return void 0;
  }
}
function isOurs(comment2, key, writer) {
  const body = comment2.body ?? "";
  if (!body.startsWith(commentMarker(key)) || !comment2.user) return false;
  if (comment2.id === writer.created) return true;
  const { login, type } = comment2.user;
  if (writer.login !== void 0) return login === writer.login;
  const stamped = stampOf(body);
  return type === "Bot" && (stamped === login || stamped === void 0 && login === ACTIONS_BOT);
}

// src/report/pr.ts
async function findPullRequests(octokit, target) {
  try {
    const pulls = await octokit.paginate(octokit.rest.repos.listPullRequestsAssociatedWithCommit, {
      owner: target.owner,
      repo: target.repo,
      commit_sha: target.sha,
      per_page: 100
    });
    return pulls.filter((pull) => pull.state === "open" && pull.head.sha === target.sha).map((pull) => ({ number: pull.number, baseRef: pull.base.ref })).sort((a, b) => a.number - b.number);
  } catch (error) {
    throw explainGitHubError(error, "comment");
  }
}
async function findOurComment(octokit, target, writer) {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100
  });
  const found = comments.find((comment2) => isOurs(comment2, target.key, writer));
  if (found === void 0) return void 0;
  writer.login ??= found.user?.login;
  return { id: found.id, url: found.html_url, body: found.body ?? "" };
}
var MAX_WRITES = 8;
async function upsertComment(octokit, target) {
  const writer = { login: target.author };
  const params = { owner: target.owner, repo: target.repo };
  const result = { written: false };
  try {
    for (let round = 1; round <= MAX_WRITES + 1; round++) {
      const kept = await findOurComment(octokit, target, writer);
      if (writer.created !== void 0 && kept !== void 0 && kept.id !== writer.created) {
        await octokit.rest.issues.deleteComment({ ...params, comment_id: writer.created });
        writer.created = void 0;
      }
      const revised = target.revise(kept?.body);
      const body = revised ?? kept?.body;
      if (body === void 0) return result;
      const stamped = stamp(body, writer.login);
      if (kept !== void 0 && stamped === kept.body) return { ...result, url: kept.url };
      if (round > MAX_WRITES) break;
      result.written = true;
      if (kept === void 0) {
        const { data } = await octokit.rest.issues.createComment({
          ...params,
          issue_number: target.issueNumber,
          body: stamped
        });
        writer.created = data.id;
        writer.login ??= data.user?.login;
        result.createdAs = data.user ? { login: data.user.login, type: data.user.type } : void 0;
      } else {
        await octokit.rest.issues.updateComment({ ...params, comment_id: kept.id, body: stamped });
      }
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw explainGitHubError(error, "comment");
  }
  throw new UserError(
    `The comment on pull request #${target.issueNumber} was written ${MAX_WRITES} times and changed again after each: other runs keep rewriting it. Look for several ipa-ota comments of one app there; if the token is a person's, set comment-author to its login.`
  );
}
async function postComment(octokit, input) {
  const key = input.commentKey ?? input.record.app.bundleId;
  const renderers = {
    render: ({ main, history }) => renderComment({
      key,
      record: main,
      history,
      // The warnings, changes and device list describe this run's build only.
      ...main.buildId === input.record.buildId ? { warnings: input.warnings, changes: input.changes, devices: input.devices } : { warnings: [] },
      now: input.now
    }),
    relist: (current, history) => relistHistory(current, history, input.now)
  };
  const writer = {
    write: async (revise2) => {
      const done = await upsertComment(octokit, { ...input, key, revise: revise2 });
      if (done.createdAs?.type === "User" && input.author === void 0) {
        input.warn?.(
          `The comment was written as ${done.createdAs.login}, a person's account: set comment-author: ${done.createdAs.login} so that later runs update it instead of posting another.`
        );
      }
      return done;
    }
  };
  const first = {
    record: input.record,
    builds: [input.record, ...input.history],
    removed: input.removed ?? []
  };
  return showNewest(writer, renderers, first, input.reread);
}
async function postRemovedComment(octokit, input) {
  const byKey = /* @__PURE__ */ new Map();
  for (const record of [...input.removed].sort(newestFirst)) {
    const key = input.commentKey ?? record.app.bundleId;
    byKey.set(key, [...byKey.get(key) ?? [], record]);
  }
  const urls = [];
  for (const [key, history] of byKey) {
    const { url } = await upsertComment(octokit, {
      ...input,
      key,
      revise: (current) => current === void 0 ? void 0 : renderRemovedComment({ key, history })
    });
    if (url !== void 0) urls.push(url);
  }
  return urls;
}

// src/event/workflow-run.ts
function createPullRequestLookup(octokit, repo) {
  return {
    openByCommit: (sha) => findPullRequests(octokit, { ...repo, sha }),
    byHead: (head, state) => findByHead(octokit, repo, head, state)
  };
}
async function findByHead(octokit, repo, head, state) {
  const owner = head.repository.split("/")[0];
  try {
    const pulls = await octokit.paginate(octokit.rest.pulls.list, {
      ...repo,
      head: `${owner}:${head.branch}`,
      state,
      per_page: 100
    });
    const matching = pulls.filter(
      (pull) => pull.head.sha === head.sha && pull.head.repo?.full_name.toLowerCase() === head.repository.toLowerCase()
    ).map((pull) => ({ number: pull.number, baseRef: pull.base.ref })).sort((a, b) => a.number - b.number);
    return state === "open" ? matching[0] : matching.at(-1);
  } catch (error) {
    throw explainGitHubError(error, "comment");
  }
}

// src/action/judge.ts
async function judge2({ settings, context, octokit }) {
  const lookup = octokit && context.owner && context.repo ? createPullRequestLookup(octokit, { owner: context.owner, repo: context.repo }) : void 0;
  const input = {
    context,
    mode: settings.mode,
    prNumber: settings.prNumber,
    channel: settings.channel,
    lookup
  };
  const decision = context.workflowRun ? await group("Find the pull request of the build", () => judgeRun(input)) : await judgeRun(input);
  if (decision.action === "publish" || decision.action === "remove") {
    info(logLine`To ${decision.action}: ${decision.reason}.`);
  }
  return decision;
}

// src/host-options.ts
function hostOptions(settings, context, octokit) {
  switch (settings.host) {
    case "directory":
      return {
        host: "directory",
        dir: settings.outputDir,
        baseUrl: settings.baseUrl,
        warn: warning
      };
    case "s3":
      return {
        host: "s3",
        bucket: settings.s3.bucket,
        region: settings.s3.region,
        endpoint: settings.s3.endpoint,
        forcePathStyle: settings.s3.forcePathStyle,
        path: settings.path,
        prefix: settings.s3.prefix,
        publicBaseUrl: settings.s3.publicBaseUrl,
        acl: settings.s3.acl
      };
    case "pages":
      return {
        host: "pages",
        ...repository(context, octokit, "pages"),
        token: settings.token,
        branch: settings.pagesBranch,
        baseUrl: settings.baseUrl,
        history: settings.history,
        allowSharedBranch: settings.pagesSharedBranch,
        wait: settings.wait,
        waitTimeoutMs: settings.waitTimeoutMs,
        tempDir: context.tempDir,
        runId: context.source.runId,
        runAttempt: context.source.runAttempt
      };
    case "release":
      return {
        host: "release",
        ...repository(context, octokit, "release"),
        tagTemplate: settings.releaseTag,
        path: settings.path
      };
  }
}
function repository(context, octokit, host) {
  if (!context.owner || !context.repo || !octokit) {
    throw new UserError(
      `host: ${host} publishes to this repository, but GITHUB_REPOSITORY or the token is missing: run it in a GitHub Actions workflow, or use host: directory.`
    );
  }
  return { octokit, owner: context.owner, repo: context.repo, serverUrl: context.source.serverUrl };
}

// src/hosts/index.ts
async function createHost(options2) {
  switch (options2.host) {
    case "directory":
      return (await import("./directory-OA6XNL2H.js")).createDirectoryHost(options2);
    case "s3":
      return (await import("./s3-D2QRULML.js")).createS3Host(options2);
    case "pages":
      return (await import("./pages-FBVZXGBQ.js")).createPagesHost(options2);
    case "release":
      return (await import("./release-E4OEU4SH.js")).createReleaseHost(options2);
  }
}

// src/profile-check.ts
function checkInstallable(verdict, profileCheck, override = "profile-check: warn") {
  if (verdict.installable || profileCheck === "off") return verdict.warnings;
  if (profileCheck === "error") {
    throw new UserError(`${verdict.errors.join(" ")} (${override} publishes it anyway.)`);
  }
  return [...verdict.errors, ...verdict.warnings];
}

// src/ota/plan.ts
function sameBuild(a, b) {
  return a.channel === b.channel && a.buildId === b.buildId;
}
function totalSize(records) {
  return records.reduce((sum, record) => sum + record.size, 0);
}
function checkRetention(retention) {
  if (!Number.isInteger(retention.keep) || retention.keep < 1) {
    throw new UserError(
      `The number of builds to keep per channel is ${retention.keep}; set it to a whole number of at least 1.`
    );
  }
  const max = retention.maxSiteSize;
  if (max !== void 0 && (!Number.isFinite(max) || max <= 0)) {
    throw new UserError(
      `The maximum site size is ${max}; set it to a positive number of bytes, or leave it empty for no limit.`
    );
  }
}
function channelPages(root, channel) {
  return ["index.html", "latest.json"].map((name) => sitePath(channelDir(root, channel), name));
}
function removalOf(root, removed, kept) {
  const liveChannels = new Set(kept.filter(isListed).map((record) => record.channel));
  const emptied = new Set(
    [...removed, ...kept].map((record) => record.channel).filter((c) => !liveChannels.has(c))
  );
  return {
    removeDirs: removed.map((record) => buildDir(root, record.channel, record.buildId)),
    removeFiles: [...emptied].flatMap((channel) => channelPages(root, channel))
  };
}
function isRetry(occupant, published) {
  const [was, is] = [occupant.source, published.source];
  if (was.runId !== void 0 || is.runId !== void 0) {
    return was.runId === is.runId && (was.runAttempt ?? 1) === (is.runAttempt ?? 1);
  }
  return occupant.app.sha256 !== void 0 && occupant.app.sha256 === published.app.sha256 && was.sha === is.sha;
}
function describeRun(record) {
  const { runId, runAttempt, workflow } = record.source;
  if (runId === void 0) return `published ${record.createdAt}`;
  return `from run ${runId} attempt ${runAttempt ?? 1}${workflow ? ` of ${workflow}` : ""}`;
}
function checkOneApp(site, current) {
  const { channel, app } = site.record;
  const other = current.find(
    (record) => hasSafePath(record) && record.channel === channel && record.app.bundleId !== app.bundleId
  );
  if (other === void 0) return;
  throw new UserError(
    `Channel ${channel} (${site.dir.slice(0, site.dir.lastIndexOf("/"))}) holds builds of ${other.app.bundleId}, and this build is of ${app.bundleId}: a channel holds one app. Give each app its own path (e.g. path: ota-widgets; --path with the CLI) or its own channel.`
  );
}
function checkWriteOnce(site, occupant) {
  if (occupant === void 0 || isRetry(occupant, site.record)) return;
  throw new UserError(
    `${site.dir} already holds build ${occupant.buildId} (${occupant.app.version} (${occupant.app.build}), ${describeRun(occupant)}), and a build folder is written once: leave build-id empty (the default, <run id>-<attempt>, is unique to each run and re-run) or give this build an id of its own.`
  );
}
function squeezeOrder(kept, published, defaultChannel2) {
  const oldestFirst = (a, b) => newestFirst(b, a);
  const newest = new Set(
    [...groupByChannel(kept).values()].map(
      (builds) => builds.includes(published) ? published : builds[0]
    )
  );
  const others = kept.filter((record) => record !== published);
  const isDefault = (record) => record.channel === defaultChannel2;
  return [
    ...others.filter((record) => !newest.has(record)).sort(oldestFirst),
    ...others.filter((record) => newest.has(record) && !isDefault(record)).sort(oldestFirst),
    ...others.filter((record) => newest.has(record) && isDefault(record))
  ];
}
function planPublish(site, current, retention, root) {
  checkRetention(retention);
  const published = site.record;
  checkOneApp(site, current);
  checkWriteOnce(
    site,
    current.find((record) => sameBuild(record, published))
  );
  const previous = current.filter((record) => hasSafePath(record) && !sameBuild(record, published));
  const kept = [published];
  const removed = [];
  for (const [channel, builds] of groupByChannel(previous)) {
    const room = channel === published.channel ? retention.keep - 1 : retention.keep;
    kept.push(...builds.slice(0, room));
    removed.push(...builds.slice(room));
  }
  let siteSize = totalSize(kept);
  const max = retention.maxSiteSize;
  if (max !== void 0 && siteSize > max) {
    for (const candidate of squeezeOrder(kept, published, retention.defaultChannel)) {
      if (siteSize <= max) break;
      kept.splice(kept.indexOf(candidate), 1);
      removed.push(candidate);
      siteSize -= candidate.size;
    }
  }
  kept.sort(newestFirst);
  return {
    write: [...site.files, ...renderIndexes(root, kept)],
    ...removalOf(root, removed, kept),
    removed,
    kept,
    siteSize,
    overBudget: max !== void 0 && siteSize > max
  };
}
function planRemove(root, channel, current) {
  const slug = channelSlug(channel);
  const safe = current.filter(hasSafePath);
  const kept = safe.filter((record) => record.channel !== slug);
  const removed = safe.filter((record) => record.channel === slug);
  return {
    write: renderIndexes(root, kept),
    removeDirs: removed.map((record) => buildDir(root, record.channel, record.buildId)),
    removeFiles: channelPages(root, slug),
    removed
  };
}

// src/ota/replan.ts
function replanning(root, first) {
  return (current, applied) => applied === void 0 ? first(current) : replanApplied(applied, current, root);
}
function replanApplied(applied, current, root) {
  const write = renderIndexes(root, current);
  const paths = new Set(write.map((file2) => file2.path));
  const stale = applied.write.filter((file2) => !file2.immutable && !paths.has(file2.path)).map((file2) => file2.path);
  return { ...applied, write, removeDirs: [], removeFiles: stale };
}

// src/ota/icons.ts
var import_pngjs = __toESM(require_png(), 1);
var DISPLAY_IMAGE_SIZE = 57;
var FULL_SIZE_IMAGE_SIZE = 512;
function axisWeights(from, to) {
  const scale = from / to;
  const taps = [];
  for (let out = 0; out < to; out++) {
    const pixelTaps = [];
    if (scale > 1) {
      const start = out * scale;
      const end = start + scale;
      for (let index = Math.floor(start); index < Math.min(Math.ceil(end), from); index++) {
        const covered = Math.min(end, index + 1) - Math.max(start, index);
        if (covered > 0) pixelTaps.push({ index, weight: covered / scale });
      }
    } else {
      const centre = Math.min(Math.max((out + 0.5) * scale - 0.5, 0), from - 1);
      const left = Math.floor(centre);
      const right = Math.min(left + 1, from - 1);
      const fraction = centre - left;
      pixelTaps.push({ index: left, weight: 1 - fraction });
      if (fraction > 0) pixelTaps.push({ index: right, weight: fraction });
    }
    taps.push(pixelTaps);
  }
  return taps;
}
function toByte(value) {
  return Math.min(255, Math.max(0, Math.round(value)));
}
function resizePng(png, size) {
  const source = import_pngjs.PNG.sync.read(png);
  const { width, height, data } = source;
  const columns = axisWeights(width, size);
  const rows = axisWeights(height, size);
  const across = new Float64Array(height * size * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < size; x++) {
      const target = (y * size + x) * 4;
      for (const { index, weight } of columns[x] ?? []) {
        const from = (y * width + index) * 4;
        const alpha = (data[from + 3] ?? 0) * weight;
        across[target] = (across[target] ?? 0) + (data[from] ?? 0) * alpha;
        across[target + 1] = (across[target + 1] ?? 0) + (data[from + 1] ?? 0) * alpha;
        across[target + 2] = (across[target + 2] ?? 0) + (data[from + 2] ?? 0) * alpha;
        across[target + 3] = (across[target + 3] ?? 0) + alpha;
      }
    }
  }
  const result = new import_pngjs.PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let red = 0;
      let green = 0;
      let blue = 0;
      let alpha = 0;
      for (const { index, weight } of rows[y] ?? []) {
        const from = (index * size + x) * 4;
        red += (across[from] ?? 0) * weight;
        green += (across[from + 1] ?? 0) * weight;
        blue += (across[from + 2] ?? 0) * weight;
        alpha += (across[from + 3] ?? 0) * weight;
      }
      const target = (y * size + x) * 4;
      result.data[target] = alpha > 0 ? toByte(red / alpha) : 0;
      result.data[target + 1] = alpha > 0 ? toByte(green / alpha) : 0;
      result.data[target + 2] = alpha > 0 ? toByte(blue / alpha) : 0;
      result.data[target + 3] = toByte(alpha);
    }
  }
  return import_pngjs.PNG.sync.write(result);
}
function iconFiles(png) {
  return {
    original: png,
    display: resizePng(png, DISPLAY_IMAGE_SIZE),
    fullSize: resizePng(png, FULL_SIZE_IMAGE_SIZE)
  };
}

// src/ota/facts.ts
function buildFacts(info2, title) {
  const { app, profile } = info2;
  const deviceIds = profile && recordedDeviceKeys(profile);
  return {
    app: {
      bundleId: app.bundleId,
      version: app.version,
      build: app.build,
      // The name as shown everywhere: the title input, else the app's display name.
      name: title?.trim() || app.name,
      ...app.minimumOsVersion === void 0 ? {} : { minimumOsVersion: app.minimumOsVersion },
      ...app.platform === void 0 ? {} : { platform: app.platform },
      ipaSize: info2.file.size,
      ...info2.file.sha256 === void 0 ? {} : { sha256: info2.file.sha256 },
      installedSize: info2.installedSize,
      deviceFamilies: app.deviceFamilies,
      components: info2.components,
      usageDescriptions: app.usageDescriptions,
      urlSchemes: app.urlSchemes
    },
    ...profile === void 0 ? {} : {
      profile: {
        type: profile.type,
        name: profile.name,
        ...profile.teamName === void 0 ? {} : { teamName: profile.teamName },
        ...profile.teamId === void 0 ? {} : { teamId: profile.teamId },
        expires: profile.expires.toISOString(),
        devices: profile.devices.length,
        ...deviceIds === void 0 ? {} : { deviceIds },
        provisionsAllDevices: profile.provisionsAllDevices,
        entitlements: profile.entitlements
      }
    }
  };
}

// src/ota/manifest.ts
function assertPublicHttpsUrl(url, what) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new UserError(
      `The ${what} URL is not a valid absolute URL; the host must serve the build at an absolute https:// URL.`
    );
  }
  if (parsed.protocol !== "https:") {
    throw new UserError(
      `The ${what} URL "${parsed.origin}${parsed.pathname}" is not https://; iOS installs only over HTTPS, so serve the site over HTTPS.`
    );
  }
  if (parsed.username !== "" || parsed.password !== "") {
    throw new UserError(
      `The ${what} URL holds a user name or password; remove the credentials from the site URL.`
    );
  }
  return url;
}
var NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
function xmlSafe(text2) {
  return text2.replace(NOT_XML_CHAR, "");
}
function renderManifest(input) {
  const assets = [
    { kind: "software-package", url: assertPublicHttpsUrl(input.ipaUrl, "IPA") }
  ];
  if (input.displayImageUrl !== void 0) {
    assets.push({
      kind: "display-image",
      url: assertPublicHttpsUrl(input.displayImageUrl, "display image")
    });
  }
  if (input.fullSizeImageUrl !== void 0) {
    assets.push({
      kind: "full-size-image",
      url: assertPublicHttpsUrl(input.fullSizeImageUrl, "full-size image")
    });
  }
  const metadata = {
    "bundle-identifier": xmlSafe(input.bundleId),
    "bundle-version": xmlSafe(input.version),
    kind: "software",
    // iOS shows the title (and subtitle) in its install prompt: no bidi control may reorder it.
    title: xmlSafe(clean(input.title))
  };
  if (input.subtitle !== void 0) metadata.subtitle = xmlSafe(clean(input.subtitle));
  return build({ items: [{ assets, metadata }] });
}
function installLink(manifestUrl) {
  const url = assertPublicHttpsUrl(manifestUrl, "manifest");
  return `itms-services://?action=download-manifest&url=${encodeURIComponent(url)}`;
}

// src/ota/build-folder.ts
var BUILD_FILES = {
  page: "index.html",
  manifest: "manifest.plist",
  manifestXml: "manifest.xml",
  qrPng: "qr.png",
  qrSvg: "qr.svg",
  icon: "icon.png",
  displayImage: "icon-57.png",
  fullSizeImage: "icon-512.png",
  buildJson: "build.json"
};
function buildPlace(info2, options2) {
  const channel = channelSlug(options2.channel);
  const buildId = options2.unlisted ? unlistedBuildId(options2.buildId) : buildIdSlug(options2.buildId);
  const dir = buildDir(options2.root, channel, buildId);
  const at = (name) => sitePath(dir, name);
  const urlOf = (name) => assertPublicHttpsUrl(options2.urlFor(at(name)), "published build");
  return { channel, buildId, dir, ipaName: ipaFileName(info2.app.name), at, urlOf };
}
function buildUrls(place, options2, hasIcon) {
  const { urlOf } = place;
  const manifestUrl = urlOf(BUILD_FILES.manifest);
  return {
    page: urlOf(BUILD_FILES.page),
    manifest: manifestUrl,
    ipa: urlOf(place.ipaName),
    qr: urlOf(BUILD_FILES.qrPng),
    qrSvg: urlOf(BUILD_FILES.qrSvg),
    ...hasIcon ? { icon: urlOf(BUILD_FILES.icon) } : {},
    buildJson: urlOf(BUILD_FILES.buildJson),
    install: installLink(manifestUrl),
    // The channel page never shows an unlisted build, so it is no "latest" link for it.
    ...!options2.unlisted && {
      channel: assertPublicHttpsUrl(
        options2.urlFor(sitePath(channelDir(options2.root, place.channel), "index.html")),
        "channel index"
      )
    }
  };
}
function buildRecord(info2, options2, place, title, urls) {
  const notes = options2.notes?.trim() ? options2.notes : void 0;
  return cleanStrings({
    schema: 1,
    channel: place.channel,
    buildId: place.buildId,
    createdAt: options2.now.toISOString(),
    ...buildFacts(info2, title),
    ...notes === void 0 ? {} : { notes },
    ...options2.blockers?.length ? { blockers: [...options2.blockers] } : {},
    // The run and its attempt order builds everywhere (order.ts): a run id is never without one.
    source: options2.source.runId === void 0 || options2.source.runAttempt !== void 0 ? options2.source : { ...options2.source, runAttempt: 1 },
    urls,
    ...options2.unlisted && { unlisted: true }
  });
}
function manifestBytes(info2, place, urls, title, hasIcon) {
  const { app } = info2;
  const manifest = renderManifest({
    ipaUrl: urls.ipa,
    ...hasIcon ? {
      displayImageUrl: place.urlOf(BUILD_FILES.displayImage),
      fullSizeImageUrl: place.urlOf(BUILD_FILES.fullSizeImage)
    } : {},
    bundleId: app.bundleId,
    version: app.version,
    title,
    subtitle: `${app.version} (${app.build})`
  });
  return Buffer.from(manifest, "utf8");
}

// src/ota/qr.ts
var import_qrcode = __toESM(require_lib(), 1);
var QR_PNG_WIDTH = 400;
var QR_MARGIN_MODULES = 4;
async function renderQr(text2) {
  const options2 = { errorCorrectionLevel: "M", margin: QR_MARGIN_MODULES };
  const [png, svg] = await Promise.all([
    import_qrcode.default.toBuffer(text2, { ...options2, type: "png", width: QR_PNG_WIDTH }),
    import_qrcode.default.toString(text2, { ...options2, type: "svg" })
  ]);
  return { png, svg };
}

// src/ota/page-changes.ts
function renderPageChanges(input) {
  return html`${changesCard(input.changes)}${installCard(input)}`;
}
function changesCard(changes) {
  if (changes === void 0) return void 0;
  if (changes.base === void 0) {
    return html`<section class="card" id="changes"><h2>Changes</h2><p>${upperFirst(noBaseText(changes))}.</p></section>\n`;
  }
  const { title, lines, movers } = describeChanges(changes.base.comparison);
  const rows = lines.map((line) => html`<dt>${line.label}</dt><dd>${line.text}</dd>`);
  const moverList = movers.length === 0 ? void 0 : html`<details><summary>${`Largest size changes by component (${movers.length})`}</summary><ul class="list">${movers.map((mover) => html`<li>${mover}</li>`)}</ul></details>`;
  return html`<section class="card" id="changes"><h2>${title}</h2><dl>${rows}</dl>${moverList}</section>\n`;
}
function installCard(input) {
  const { devices, profile } = input;
  if (devices === void 0 && profile === void 0) return void 0;
  const rows = [];
  if (profile !== void 0) {
    rows.push(
      html`<dt>Profile</dt><dd>${expiryText(profile.expires, input.now)} (as of publishing)</dd>`
    );
  }
  if (devices?.anyDevice) rows.push(html`<dt>Installs on</dt><dd>any device</dd>`);
  else if (devices !== void 0) {
    rows.push(
      html`<dt>Installs on</dt><dd>${names2(devices.included) || "none of the listed devices"}</dd>`
    );
    if (devices.missing.length > 0) {
      rows.push(
        html`<dt>Not in this profile</dt><dd>${names2(devices.missing)}: add them in the developer portal, regenerate the profile and rebuild.</dd>`
      );
    }
  }
  return html`<section class="card" id="devices"><h2>Who can install</h2><dl>${rows}</dl></section>`;
}
function names2(devices) {
  return devices.map((device) => device.name).join(", ");
}
function upperFirst(text2) {
  return text2.charAt(0).toUpperCase() + text2.slice(1);
}

// src/ota/site.ts
function file(path, content, contentType) {
  return { path, content, size: content.length, contentType, immutable: true };
}
function tryIconFiles(info2, warn) {
  if (info2.icon === void 0) return void 0;
  try {
    return iconFiles(info2.icon.png);
  } catch (error) {
    warn(
      `The app icon ${info2.icon.path} is not a PNG that can be resized (${error instanceof Error ? error.message : String(error)}), so the build is published without an icon.`
    );
    return void 0;
  }
}
function settleBuildJson(record, otherBytes) {
  let size = otherBytes;
  for (; ; ) {
    const json = Buffer.from(`${JSON.stringify({ ...record, size }, null, 2)}
`, "utf8");
    if (otherBytes + json.length === size) return json;
    size = otherBytes + json.length;
  }
}
function fixedFiles(info2, place, icons, qr, manifest) {
  const { at } = place;
  const files = [
    {
      path: at(place.ipaName),
      content: { file: info2.file.path },
      size: info2.file.size,
      contentType: "application/octet-stream",
      immutable: true
    }
  ];
  if (icons !== void 0) {
    files.push(
      file(at(BUILD_FILES.icon), icons.original, "image/png"),
      file(at(BUILD_FILES.displayImage), icons.display, "image/png"),
      file(at(BUILD_FILES.fullSizeImage), icons.fullSize, "image/png")
    );
  }
  files.push(
    file(at(BUILD_FILES.qrPng), qr.png, "image/png"),
    file(at(BUILD_FILES.qrSvg), Buffer.from(qr.svg, "utf8"), "image/svg+xml"),
    file(at(BUILD_FILES.manifest), manifest, "application/xml"),
    file(at(BUILD_FILES.manifestXml), manifest, "application/xml")
  );
  return files;
}
function assembleSite(prepared, options2, current) {
  const { place, record } = prepared;
  const changes = options2.compareWith === void 0 ? void 0 : changesSince(current, record, channelSlug(options2.compareWith));
  const page = renderPage({
    record,
    title: prepared.title,
    hasIcon: prepared.hasIcon,
    files: { qrImage: BUILD_FILES.qrSvg, ipa: place.ipaName, manifest: BUILD_FILES.manifest },
    qr: options2.qr,
    extra: renderPageChanges({
      changes,
      devices: options2.devices,
      profile: record.profile,
      now: options2.now
    })
  });
  const all = [
    ...prepared.files,
    file(place.at(BUILD_FILES.page), Buffer.from(page, "utf8"), "text/html; charset=utf-8")
  ];
  const otherBytes = all.reduce((sum, each) => sum + each.size, 0);
  const buildJson = settleBuildJson(record, otherBytes);
  all.splice(
    all.length - 1,
    0,
    file(place.at(BUILD_FILES.buildJson), buildJson, "application/json")
  );
  const site = {
    dir: place.dir,
    record: { ...record, size: otherBytes + buildJson.length },
    files: all
  };
  return { site, ...changes === void 0 ? {} : { changes } };
}
async function prepareSite(info2, options2) {
  const place = buildPlace(info2, options2);
  const icons = tryIconFiles(info2, options2.warn ?? (() => {
  }));
  const hasIcon = icons !== void 0;
  const urls = buildUrls(place, options2, hasIcon);
  const title = options2.title?.trim() || info2.app.name;
  const record = buildRecord(info2, options2, place, title, urls);
  const manifest = manifestBytes(info2, place, urls, title, hasIcon);
  const qr = await renderQr(options2.qr === "page" ? urls.page : urls.install);
  const files = fixedFiles(info2, place, icons, qr, manifest);
  const prepared = { place, record, title, hasIcon, files };
  return {
    dir: place.dir,
    record,
    assemble: (current) => assembleSite(prepared, options2, current)
  };
}

// src/publish.ts
async function publishBuild(info2, host, options2) {
  const urlFor = await host.locate();
  const prepared = await prepareSite(info2, { ...options2, urlFor });
  const { app } = prepared.record;
  const planned = await host.store.update(
    options2.root,
    replanning(options2.root, (current) => {
      const assembled2 = prepared.assemble(current);
      return {
        ...planPublish(assembled2.site, current, options2.retention, options2.root),
        assembled: assembled2
      };
    }),
    `${app.name} ${app.version} (${app.build}) in ${prepared.dir}${sourceLine(prepared.record)}`
  );
  const { assembled, ...plan } = planned;
  return { ...assembled, plan };
}
async function removeChannel(host, root, channel) {
  await host.locate();
  return host.store.update(
    root,
    replanning(root, (current) => planRemove(root, channel, current)),
    `Remove ${root}/${channel}`
  );
}
function sourceLine({ source }) {
  const from = [
    source.repository,
    source.pr !== void 0 ? `#${source.pr}` : source.ref,
    source.sha?.slice(0, 7)
  ].filter(Boolean);
  return from.length ? `

From ${from.join(" ")}` : "";
}

// src/action/devices.ts
async function readDevices(path, profile) {
  if (path === void 0 || profile === void 0) return void 0;
  const text2 = await readInputText(path, "devices-file", {
    roots: inputRoots(),
    hint: "give the path of the device list exported from the developer portal, or leave the input empty"
  });
  return checkDevices(parseDeviceList(text2, `devices-file ${path}`, warning), profile);
}

// src/action/helpers.ts
function otherBuilds(records, record) {
  return records.filter(
    (r) => r.channel === record.channel && r.app.bundleId === record.app.bundleId && r.buildId !== record.buildId
  );
}
async function warnOnFailure(post) {
  try {
    return await post();
  } catch (error) {
    warning(errorOf(error));
    return void 0;
  }
}
function hasSummary() {
  return Boolean(process.env.GITHUB_STEP_SUMMARY);
}
function errorOf(error) {
  return describeError(error, debug);
}

// src/action/publish-ipa.ts
async function publishIpa(run, build2, info2) {
  const { settings } = run;
  const now = /* @__PURE__ */ new Date();
  const verdict = judge(info2, now);
  const warnings = checkInstallable(verdict, settings.profileCheck);
  for (const warning2 of warnings) warning(warning2);
  const host = await createHost(hostOptions(settings, run.context, run.octokit));
  const devices = settings.devicesFile === void 0 && settings.asc && info2.profile ? await (await import("./team-devices-CV5EHRSL.js")).teamDeviceCheck(settings.asc, info2.profile, warning) : await readDevices(settings.devicesFile, info2.profile);
  const blockers = settings.profileCheck === "warn" ? verdict.errors : [];
  const published = await group(
    `Publish to ${host.name}`,
    () => publishToHost(run, build2, { info: info2, host, now, devices, blockers })
  );
  const record = published.site.record;
  const unreachable = await verify(host, record, warnings);
  return {
    record,
    buildDir: published.site.dir,
    history: otherBuilds(published.plan.kept, record),
    removed: published.plan.removed.map((removed) => removed.buildId),
    changes: published.changes,
    devices,
    warnings,
    now,
    unreachable,
    // A failed re-read keeps the comment as written: the build is published and commented.
    reread: () => host.store.read(settings.path).then(
      (records) => records,
      (error) => {
        warning(`Could not re-read the site to check the comment: ${errorOf(error)}`);
        return void 0;
      }
    )
  };
}
async function publishToHost({ settings, context }, build2, ipa) {
  const channel = settings.channel ?? defaultChannel(build2.source);
  const published = await publishBuild(ipa.info, ipa.host, {
    root: settings.path,
    channel,
    buildId: defaultBuildId(build2.source, ipa.now),
    unlisted: settings.unlisted,
    source: build2.source,
    title: settings.title,
    notes: settings.notes,
    blockers: ipa.blockers,
    qr: settings.qr,
    now: ipa.now,
    warn: warning,
    compareWith: comparisonChannel({
      compareTo: settings.compareTo,
      pullRequest: build2.source.pr !== void 0,
      baseRef: build2.baseRef,
      ownChannel: channelSlug(channel)
    }),
    devices: ipa.devices,
    retention: {
      keep: settings.keep,
      maxSiteSize: settings.host === "pages" ? settings.maxSiteSize : void 0,
      defaultChannel: context.defaultBranch === void 0 ? void 0 : channelSlug(context.defaultBranch)
    }
  });
  for (const removed of published.plan.removed) {
    info(
      logLine`Removed ${removed.channel}/${removed.buildId} (${removed.app.version} (${removed.app.build}))`
    );
  }
  info(`Published ${published.site.record.urls.page}`);
  if (published.plan.overBudget) {
    warning(
      `The site holds ${formatBytes(published.plan.siteSize)}, more than max-site-size, even with every other build removed: raise max-site-size, lower keep, or publish large builds with host: s3.`
    );
  }
  return published;
}
async function verify(host, record, warnings) {
  if (!host.verify) return void 0;
  try {
    const live = await group("Check the build is reachable", () => host.verify(record));
    for (const warning2 of live) warning(warning2);
    warnings.push(...live);
    return void 0;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

// src/ipa/read.ts
import { stat } from "node:fs/promises";

// src/ipa/archive.ts
var import_yauzl3 = __toESM(require_yauzl(), 1);
import { createHash } from "node:crypto";
import { closeSync, createReadStream, fstat, open } from "node:fs";
import { open as openFile } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";

// src/ipa/block-reader.ts
var import_yauzl = __toESM(require_yauzl(), 1);
import { close, read } from "node:fs";
import { Readable } from "node:stream";
var BLOCK_SIZE = 1024 * 1024;
var BlockReader = class extends import_yauzl.default.RandomAccessReader {
  constructor(fd, size) {
    super();
    this.fd = fd;
    this.size = size;
  }
  fd;
  size;
  block;
  // Not fs.createReadStream({ fd }): destroying it, as yauzl does, closes the shared descriptor.
  _readStreamForRange(start, end) {
    const fd = this.fd;
    let position = start;
    return new Readable({
      read(size) {
        const length = Math.min(size, end - position);
        if (length <= 0) return void this.push(null);
        const chunk = Buffer.allocUnsafe(length);
        read(fd, chunk, 0, length, position, (error, bytesRead) => {
          if (error) return void this.destroy(error);
          position += bytesRead;
          this.push(bytesRead === 0 ? null : chunk.subarray(0, bytesRead));
        });
      }
    });
  }
  read(buffer, offset, length, position, callback) {
    const cached = this.block;
    if (cached && position >= cached.start && position + length <= cached.start + cached.data.length) {
      const from = position - cached.start;
      cached.data.copy(buffer, offset, from, from + length);
      return callback(null, length);
    }
    if (length > BLOCK_SIZE) {
      return read(
        this.fd,
        buffer,
        offset,
        length,
        position,
        (error, bytesRead) => callback(error, bytesRead)
      );
    }
    const data = Buffer.allocUnsafe(Math.max(0, Math.min(BLOCK_SIZE, this.size - position)));
    read(this.fd, data, 0, data.length, position, (error, bytesRead) => {
      if (error) return callback(error);
      this.block = { start: position, data: data.subarray(0, bytesRead) };
      const copied = data.copy(buffer, offset, 0, Math.min(length, bytesRead));
      callback(null, copied);
    });
  }
  close(callback) {
    close(this.fd, callback);
  }
};

// src/ipa/entry-table.ts
var import_yauzl2 = __toESM(require_yauzl(), 1);
var EntryTable = class {
  names = [];
  index = /* @__PURE__ */ new Map();
  sizes;
  codes;
  constructor(capacity) {
    this.sizes = new Float64Array(capacity * 3);
    this.codes = new Uint32Array(capacity * 3);
  }
  has(name) {
    return this.index.has(name);
  }
  /** Adds an entry; false, adding nothing, when one of that name is there already. */
  add(entry) {
    if (this.index.has(entry.fileName)) return false;
    const i = this.names.length;
    this.index.set(entry.fileName, i);
    this.names.push(entry.fileName);
    const at = i * 3;
    this.sizes[at] = entry.compressedSize;
    this.sizes[at + 1] = entry.uncompressedSize;
    this.sizes[at + 2] = entry.relativeOffsetOfLocalHeader;
    this.codes[at] = entry.compressionMethod;
    this.codes[at + 1] = entry.generalPurposeBitFlag;
    this.codes[at + 2] = entry.externalFileAttributes >>> 16;
    return true;
  }
  /** Field `field` (0 compressed size, 1 uncompressed size) of the entry, if there is one. */
  size(name, field) {
    const i = this.index.get(name);
    return i === void 0 ? void 0 : this.sizes[i * 3 + field];
  }
  /** The entry's Unix mode (file type and permissions), or undefined when there is none. */
  mode(name) {
    const i = this.index.get(name);
    return i === void 0 ? void 0 : this.codes[i * 3 + 2];
  }
  /** An Entry with the fields yauzl's openReadStream reads. */
  entry(name) {
    const i = this.index.get(name);
    if (i === void 0) return void 0;
    return Object.assign(new import_yauzl2.default.Entry(), {
      fileName: name,
      compressedSize: this.sizes[i * 3],
      uncompressedSize: this.sizes[i * 3 + 1],
      relativeOffsetOfLocalHeader: this.sizes[i * 3 + 2],
      compressionMethod: this.codes[i * 3],
      generalPurposeBitFlag: this.codes[i * 3 + 1],
      extraFields: []
    });
  }
};

// src/ipa/archive.ts
var DEFAULT_ENTRY_CAP = 16 * 1024 * 1024;
var MAX_ENTRIES = 2e5;
var MAC_METADATA = "__MACOSX/";
var S_IFMT = 61440;
var S_IFLNK = 40960;
async function openArchive(path, label = path, { maxEntries = MAX_ENTRIES } = {}) {
  let zip;
  try {
    zip = await openZip(path);
  } catch (error) {
    throw await openError(path, label, error);
  }
  if (zip.entryCount > maxEntries) {
    zip.close();
    throw new UserError(
      `${label} holds ${zip.entryCount} entries, more than the ${maxEntries} an .ipa may hold here (a zip bomb or a damaged archive); build the .ipa again, or open an issue if your app really has that many files.`
    );
  }
  const entries = new EntryTable(zip.entryCount);
  try {
    await eachEntry(zip, (entry) => {
      if (entry.fileName.startsWith(MAC_METADATA)) return;
      if (entry.isEncrypted()) {
        throw new UserError(
          `${label} has an encrypted entry (${entry.fileName}): an .ipa must not be password-protected; zip the Payload folder again without a password.`
        );
      }
      if (!entries.add(entry)) {
        throw new UserError(
          `${label} holds two entries named ${entry.fileName}, so it is ambiguous which one iOS would install; build the .ipa again.`
        );
      }
    });
  } catch (error) {
    zip.close();
    throw error instanceof UserError ? error : damaged(label, error);
  }
  return new YauzlArchive(zip, entries, label);
}
async function openZip(path) {
  const fd = await promisify(open)(path, "r");
  try {
    const { size } = await promisify(fstat)(fd);
    return await import_yauzl3.default.fromRandomAccessReaderPromise(new BlockReader(fd, size), size, {
      lazyEntries: true,
      autoClose: false
    });
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}
function eachEntry(zip, onEntry) {
  return new Promise((resolve2, reject) => {
    let wanted = false;
    let reading = false;
    const next = () => {
      wanted = true;
      if (reading) return;
      reading = true;
      while (wanted) {
        wanted = false;
        zip.readEntry();
      }
      reading = false;
    };
    zip.on("entry", (entry) => {
      try {
        onEntry(entry);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      next();
    });
    zip.once("end", resolve2);
    zip.once("error", reject);
    next();
  });
}
var YauzlArchive = class {
  constructor(zip, entries, label) {
    this.zip = zip;
    this.entries = entries;
    this.label = label;
    this.names = entries.names;
  }
  zip;
  entries;
  label;
  names;
  has(name) {
    return this.entries.has(name);
  }
  sizeOf(name) {
    return this.entries.size(name, 1);
  }
  compressedSizeOf(name) {
    return this.entries.size(name, 0);
  }
  async read(name, maxBytes = DEFAULT_ENTRY_CAP) {
    const entry = this.entries.entry(name);
    if (!entry) throw new UserError(`${this.label} has no ${name}; build the .ipa again.`);
    if ((this.entries.mode(name) & S_IFMT) === S_IFLNK) {
      throw new UserError(
        `${name} in ${this.label} is a symbolic link where a file is expected; build the .ipa again without linking it.`
      );
    }
    if (entry.uncompressedSize > maxBytes) throw this.tooLarge(name, maxBytes);
    try {
      const stream = await this.zip.openReadStreamPromise(entry);
      const chunks = [];
      for await (const chunk of stream) chunks.push(chunk);
      return Buffer.concat(chunks);
    } catch (error) {
      throw new UserError(
        `${name} in ${this.label} cannot be read (${reason(error)}): the archive is damaged or uses an unsupported zip feature; build or download the .ipa again.`
      );
    }
  }
  close() {
    this.zip.close();
  }
  tooLarge(name, maxBytes) {
    return new UserError(
      `${name} in ${this.label} inflates to more than ${formatMiB(maxBytes)}, far more than such a file ever holds (a zip bomb or a damaged archive); build the .ipa again.`
    );
  }
};
async function sha256File(path) {
  const hash = createHash("sha256");
  await pipeline(createReadStream(path, { highWaterMark: 1024 * 1024 }), hash);
  return hash.digest("hex");
}
async function openError(path, label, error) {
  const message = reason(error);
  if (error.code !== void 0) {
    return new UserError(
      `${label} cannot be opened (${message}); check the path and its permissions.`
    );
  }
  if (!/end of central directory record signature not found/i.test(message)) {
    return damaged(label, error);
  }
  const head = Buffer.alloc(4);
  const file2 = await openFile(path, "r");
  try {
    await file2.read(head, 0, 4, 0);
  } finally {
    await file2.close();
  }
  if (head.readUInt32LE(0) === 67324752) {
    return new UserError(
      `${label} is truncated: it starts like a zip but its end (the central directory) is missing; upload or download the complete .ipa again.`
    );
  }
  return new UserError(
    `${label} is not a zip archive: an .ipa is a zip with a Payload/ folder holding the .app; give the .ipa that Xcode (or fastlane gym) exported.`
  );
}
function damaged(label, error) {
  return new UserError(
    `${label} is a damaged zip archive (${reason(error)}); build or download the .ipa again.`
  );
}
function reason(error) {
  const text2 = error instanceof Error ? error.message : String(error);
  return (text2.split("\n")[0] ?? text2).replace(/\.$/, "");
}

// src/ipa/components.ts
var MAX_FRAMEWORKS = 1e3;
var MAX_EXTENSIONS = 100;
var LIMITS = {
  framework: { max: MAX_FRAMEWORKS, what: "frameworks (in Frameworks/)" },
  extension: { max: MAX_EXTENSIONS, what: "extensions (in PlugIns/)" },
  watch: { max: MAX_EXTENSIONS, what: "watch apps (in Watch/)" }
};
function bundleComponents(names3, sizeOf, bundlePath, executable) {
  const byKey = /* @__PURE__ */ new Map();
  const counts = /* @__PURE__ */ new Map();
  let installedSize = 0;
  for (const name of names3) {
    if (!name.startsWith(bundlePath) || name.endsWith("/")) continue;
    const sizes = sizeOf(name);
    if (sizes === void 0) continue;
    installedSize += sizes.installed;
    const { kind, label } = componentOf(name.slice(bundlePath.length), executable);
    const key = `${kind}/${label}`;
    let component = byKey.get(key);
    if (component === void 0) {
      component = { kind, name: label, compressed: 0, installed: 0 };
      checkLimit(kind, (counts.get(kind) ?? 0) + 1, bundlePath);
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    component.compressed += sizes.compressed;
    component.installed += sizes.installed;
    byKey.set(key, component);
  }
  const components = [...byKey.values()].sort(
    (a, b) => b.installed - a.installed || a.name.localeCompare(b.name)
  );
  return { installedSize, components };
}
function checkLimit(kind, count, bundlePath) {
  const limit = LIMITS[kind];
  if (limit !== void 0 && count > limit.max) {
    throw new UserError(
      `${bundlePath} holds more than ${limit.max} ${limit.what}, the most an app may hold here (a damaged or made-up archive); build the .ipa again.`
    );
  }
}
var NESTED = {
  Frameworks: "framework",
  PlugIns: "extension",
  Watch: "watch"
};
function componentOf(relative, executable) {
  if (relative === executable) return { kind: "executable", label: relative };
  if (relative === "Assets.car") return { kind: "assets", label: relative };
  const slash = relative.indexOf("/");
  const kind = slash > 0 ? NESTED[relative.slice(0, slash)] : void 0;
  if (kind !== void 0) {
    const rest = relative.slice(slash + 1);
    const end = rest.indexOf("/");
    return { kind, label: end === -1 ? rest : rest.slice(0, end) };
  }
  return { kind: "resources", label: "Other resources" };
}

// src/ipa/bundle.ts
var PAYLOAD = "Payload/";
function locateApp(names3, label) {
  const apps = /* @__PURE__ */ new Set();
  for (const name of names3) {
    const end = name.startsWith(PAYLOAD) ? name.indexOf("/", PAYLOAD.length) : -1;
    if (end > PAYLOAD.length && name.slice(end - 4, end) === ".app")
      apps.add(name.slice(0, end + 1));
  }
  const [only, ...others] = apps;
  if (only !== void 0 && others.length === 0) return only;
  if (only !== void 0) {
    const list = [...apps].map((app) => app.slice(PAYLOAD.length, -1)).join(", ");
    throw new UserError(
      `${label} holds ${apps.size} apps under Payload/ (${list}): an .ipa must hold exactly one; export each app as its own .ipa.`
    );
  }
  const wrapped = firstMatch(names3, /^([^/]+)\/Payload\/[^/]+\.app\//);
  if (wrapped !== void 0) {
    throw new UserError(
      `${label} has everything inside a top folder "${wrapped}/": Payload/ must be at the root of the archive; zip the Payload folder itself (cd into "${wrapped}" and run zip -r app.ipa Payload).`
    );
  }
  const bareApp = firstMatch(names3, /^([^/]+\.app)\//);
  if (bareApp !== void 0) {
    throw new UserError(
      `${label} has ${bareApp} at its root but no Payload/ folder: an .ipa is a zip of Payload/${bareApp}; put the .app in a folder named Payload and zip that folder.`
    );
  }
  if (names3.some((name) => name.startsWith(PAYLOAD))) {
    throw new UserError(
      `${label} has a Payload/ folder but no .app bundle inside it; export the app again from Xcode (Product \u203A Archive \u203A Distribute App).`
    );
  }
  throw new UserError(
    `${label} holds no Payload/ folder: an .ipa is a zip with Payload/<App>.app/ inside; give the .ipa that Xcode (or fastlane gym) exported.`
  );
}
function firstMatch(names3, pattern) {
  for (const name of names3) {
    const found = pattern.exec(name)?.[1];
    if (found !== void 0) return found;
  }
  return void 0;
}
function appInfo(plist, bundlePath, source) {
  const bundleId = text(plist, "CFBundleIdentifier");
  if (bundleId === void 0) {
    throw new UserError(
      `${source} has no CFBundleIdentifier; set the bundle identifier in Xcode (target \u203A General \u203A Identity) and build again.`
    );
  }
  const shortVersion = text(plist, "CFBundleShortVersionString");
  const buildNumber = text(plist, "CFBundleVersion");
  const version = shortVersion ?? buildNumber;
  if (version === void 0) {
    throw new UserError(
      `${source} has neither CFBundleShortVersionString nor CFBundleVersion; set Version and Build in Xcode (target \u203A General \u203A Identity) and build again.`
    );
  }
  const executable = text(plist, "CFBundleExecutable");
  const platform = text(plist, "DTPlatformName");
  const supportedPlatforms = texts(plist.CFBundleSupportedPlatforms);
  return {
    bundleId,
    version,
    ...shortVersion === void 0 && { versionMissing: true },
    build: buildNumber ?? version,
    name: displayName(plist) ?? bundleFolderName(bundlePath),
    executable,
    minimumOsVersion: text(plist, "MinimumOSVersion") ?? text(plist, "LSMinimumSystemVersion"),
    platform,
    supportedPlatforms,
    deviceFamilies: deviceFamilies(plist.UIDeviceFamily),
    simulator: platform?.toLowerCase().endsWith("simulator") === true || supportedPlatforms.some((name) => name.toLowerCase().endsWith("simulator")),
    sdk: text(plist, "DTSDKName"),
    xcode: text(plist, "DTXcode"),
    bundlePath,
    usageDescriptions: usageDescriptions(plist),
    urlSchemes: urlSchemes(plist.CFBundleURLTypes)
  };
}
function usageDescriptions(plist) {
  const found = {};
  for (const key of Object.keys(plist).sort()) {
    const value = plist[key];
    if (/^NS\w*UsageDescription$/.test(key) && typeof value === "string") found[key] = value;
  }
  return found;
}
function urlSchemes(value) {
  const types = Array.isArray(value) ? value : [];
  const schemes = types.flatMap((type) => isPlistDict(type) ? texts(type.CFBundleURLSchemes) : []);
  return [...new Set(schemes)].sort();
}
function findBundledApps(names3, bundlePath) {
  const found = /* @__PURE__ */ new Map();
  const counts = { extension: 0, watch: 0 };
  for (const name of names3) {
    if (!name.startsWith(bundlePath)) continue;
    const [folder2, bundle] = name.slice(bundlePath.length).split("/");
    if (bundle === void 0) continue;
    const kind = folder2 === "PlugIns" && bundle.endsWith(".appex") ? "extension" : folder2 === "Watch" && bundle.endsWith(".app") ? "watch" : void 0;
    const key = `${folder2}/${bundle}`;
    if (kind === void 0 || found.has(key)) continue;
    found.set(key, kind);
    checkLimit(kind, ++counts[kind], bundlePath);
  }
  return [...found].map(([relative, kind]) => ({ kind, path: `${bundlePath}${relative}/` }));
}
function bundledApp(found, plist) {
  return {
    ...found,
    bundleId: plist ? text(plist, "CFBundleIdentifier") : void 0,
    name: plist ? displayName(plist) : void 0
  };
}
function displayName(plist) {
  return text(plist, "CFBundleDisplayName") ?? text(plist, "CFBundleName") ?? text(plist, "CFBundleExecutable");
}
function bundleFolderName(bundlePath) {
  return bundlePath.slice(0, -1).split("/").pop()?.replace(/\.app$/, "") ?? bundlePath;
}
function text(plist, key) {
  const value = Object.hasOwn(plist, key) ? plist[key] : void 0;
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  return typeof value === "string" && value.trim() !== "" ? value.trim() : void 0;
}
function texts(value) {
  const items = Array.isArray(value) ? value : value === void 0 ? [] : [value];
  return items.filter((item) => typeof item === "string" && item !== "");
}
function deviceFamilies(value) {
  const items = Array.isArray(value) ? value : value === void 0 ? [] : [value];
  const families = items.map((item) => typeof item === "string" ? Number(item.trim()) : item).filter((item) => typeof item === "number" && Number.isInteger(item));
  return [...new Set(families)];
}

// src/ipa/icon.ts
var ICON_DICTIONARIES = ["CFBundleIcons", "CFBundleIcons~ipad"];
var ICON_SUFFIX = /^(?:\d+(?:\.\d+)?x\d+(?:\.\d+)?|-\d+)?(?:@\d+x)?(?:~ipad|~iphone)?\.png$/;
var CONVENTIONAL_NAMES = ["AppIcon", "Icon"];
function iconCandidates(infoPlist, bundlePath, entryNames) {
  const named = iconBaseNames(infoPlist);
  const baseNames = named.length > 0 ? named : CONVENTIONAL_NAMES;
  const files = entryNames.filter(
    (name) => name.startsWith(bundlePath) && !name.slice(bundlePath.length).includes("/") && name.toLowerCase().endsWith(".png")
  );
  const matching = files.filter((path) => {
    const file2 = path.slice(bundlePath.length).toLowerCase();
    return baseNames.some((base) => {
      const name = base.toLowerCase();
      return file2.startsWith(name) && ICON_SUFFIX.test(file2.slice(name.length));
    });
  });
  return matching.map((path) => ({ path, pixels: pixelSize(path.slice(bundlePath.length)) })).sort((a, b) => b.pixels - a.pixels || a.path.localeCompare(b.path)).map(({ path }) => path);
}
function iconBaseNames(plist) {
  const names3 = [plist.CFBundleIconFiles, plist.CFBundleIconFile, plist.CFBundleIconName];
  for (const key of ICON_DICTIONARIES) {
    const icons = plist[key];
    if (!isRecord(icons)) continue;
    const primary = icons.CFBundlePrimaryIcon;
    if (isRecord(primary)) names3.push(primary.CFBundleIconFiles, primary.CFBundleIconName);
    else names3.push(primary);
  }
  return [
    ...new Set(
      names3.flatMap((value) => Array.isArray(value) ? value : [value]).filter((value) => typeof value === "string" && value.trim() !== "").map((value) => value.trim().replace(/(?:@\d+x)?(?:~ipad|~iphone)?\.png$/i, ""))
    )
  ];
}
function pixelSize(file2) {
  const stem = file2.replace(/\.png$/i, "");
  const scale = Number(/@(\d)x/.exec(stem)?.[1] ?? 1);
  const points = /(\d+(?:\.\d+)?)x\1/.exec(stem)?.[1] ?? /-(\d+)(?:@|~|$)/.exec(stem)?.[1] ?? void 0;
  if (points !== void 0) return Number(points) * scale;
  return /^icon(@\dx)?(~ipad)?$/i.test(stem) ? 57 * scale : 0;
}

// src/ipa/read.ts
var PLIST_CAP = 1024 * 1024;
async function readIpa(path, options2 = {}) {
  const size = await fileSize(path);
  const archive = await openArchive(path);
  try {
    const bundlePath = locateApp(archive.names, path);
    const infoPath = `${bundlePath}Info.plist`;
    if (!archive.has(infoPath)) {
      throw new UserError(
        `${path} has no ${infoPath}, so the app bundle is incomplete; export the app again from Xcode (Product \u203A Archive \u203A Distribute App).`
      );
    }
    const infoPlist = parsePlistDict(await archive.read(infoPath, PLIST_CAP), infoPath);
    const app = appInfo(infoPlist, bundlePath, infoPath);
    const bundled = await readBundledApps(archive, bundlePath);
    const profile = await readProfile(
      archive,
      `${bundlePath}embedded.mobileprovision`,
      app.bundleId
    );
    const icon = await readIcon(
      archive,
      iconCandidates(infoPlist, bundlePath, archive.names),
      options2.debug
    );
    const sizes = bundleComponents(
      archive.names,
      (name) => {
        const installed = archive.sizeOf(name);
        const compressed = archive.compressedSizeOf(name);
        return installed === void 0 || compressed === void 0 ? void 0 : { installed, compressed };
      },
      bundlePath,
      app.executable
    );
    return {
      file: { path, size, ...options2.sha256 ? { sha256: await sha256File(path) } : {} },
      app,
      bundled,
      ...profile ? { profile } : {},
      ...sizes,
      codeSigned: archive.has(`${bundlePath}_CodeSignature/CodeResources`),
      ...icon ? { icon } : {}
    };
  } finally {
    archive.close();
  }
}
async function fileSize(path) {
  try {
    const stats = await stat(path);
    if (stats.isFile()) return stats.size;
  } catch (error) {
    if (error.code === "ENOENT") {
      throw new UserError(`${path} does not exist; check the path to the .ipa.`);
    }
    throw new UserError(
      `${path} cannot be read (${error.message}); check the path and its permissions.`
    );
  }
  throw new UserError(`${path} is not a file; give the path of the .ipa itself.`);
}
async function readBundledApps(archive, bundlePath) {
  const apps = [];
  for (const found of findBundledApps(archive.names, bundlePath)) {
    const infoPath = `${found.path}Info.plist`;
    const plist = archive.has(infoPath) ? parsePlistDict(await archive.read(infoPath, PLIST_CAP), infoPath) : void 0;
    apps.push(bundledApp(found, plist));
  }
  return apps;
}
async function readProfile(archive, profilePath, bundleId) {
  if (!archive.has(profilePath)) return void 0;
  const data = await archive.read(profilePath, DEFAULT_ENTRY_CAP);
  const { parseProfile } = await import("./profile-B4CWSPLS.js");
  try {
    return await parseProfile(data, bundleId);
  } catch (error) {
    if (error instanceof UserError) throw new UserError(`${profilePath}: ${error.message}`);
    throw new UserError(
      `${profilePath} is not a readable provisioning profile (${String(error)}); sign the build again with a profile downloaded from the Apple Developer portal.`
    );
  }
}
async function readIcon(archive, candidates, debug2) {
  const found = candidates.filter((path) => archive.has(path));
  if (found.length === 0) return void 0;
  const { normalizePng } = await import("./png-NOGZBN5V.js");
  for (const path of found) {
    try {
      return { path, ...normalizePng(await archive.read(path, DEFAULT_ENTRY_CAP)) };
    } catch (error) {
      debug2?.(`Skipping icon ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return void 0;
}

// src/action/read-ipa.ts
async function readBuildIpa(settings) {
  return group("Read the IPA", async () => {
    const read2 = await readIpa(settings.ipa, { sha256: true, debug });
    const { app } = read2;
    info(logLine`Read ${app.name} ${app.version} (${app.build}), ${app.bundleId}`);
    return read2;
  });
}

// src/action/remove-builds.ts
async function removeBuilds(run, build2) {
  const { settings } = run;
  const host = await createHost(hostOptions(settings, run.context, run.octokit));
  const channel = settings.channel ?? defaultChannel(build2.source);
  const plan = await group(
    `Remove channel ${channel} from ${host.name}`,
    () => removeChannel(host, settings.path, channel)
  );
  info(logLine`Removed ${plan.removed.length} build(s) of ${channel}.`);
  return { channel, plan };
}

// src/action/report.ts
import { resolve } from "node:path";

// src/report/deployment.ts
async function createDeployment(octokit, target) {
  const { record } = target;
  const ref = record.source.sha;
  if (!ref) {
    throw new UserError(
      "A deployment needs the commit of the build, but GITHUB_SHA is not set; run the action in a workflow or set deployment: false."
    );
  }
  const environment = `ota/${target.channel}`;
  try {
    const { data } = await octokit.rest.repos.createDeployment({
      owner: target.owner,
      repo: target.repo,
      ref,
      environment,
      description: `${record.app.name} ${record.app.version} (${record.app.build})`.slice(0, 140),
      auto_merge: false,
      required_contexts: [],
      transient_environment: true,
      production_environment: false,
      payload: { buildId: record.buildId, bundleId: record.app.bundleId }
    });
    if (!("id" in data)) {
      throw new UserError(
        `GitHub did not create the deployment to ${environment}: ${(data.message ?? "no reason given").replace(/\.+$/, "")}; set deployment: false or check the branch.`
      );
    }
    await octokit.rest.repos.createDeploymentStatus({
      owner: target.owner,
      repo: target.repo,
      deployment_id: data.id,
      state: "success",
      environment,
      environment_url: record.urls.page,
      log_url: sourceLinks(record.source).run,
      auto_inactive: true
    });
    return { id: data.id };
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw explainGitHubError(error, "deploy");
  }
}

// src/report/outputs.ts
function outputValues(record, extras) {
  const profile = record?.profile;
  const base = extras.changes?.base;
  return {
    "install-url": record?.urls.install ?? "",
    "page-url": record?.urls.page ?? "",
    "channel-url": record?.urls.channel ?? "",
    "manifest-url": record?.urls.manifest ?? "",
    "ipa-url": record?.urls.ipa ?? "",
    "qr-url": record?.urls.qr ?? "",
    "icon-url": record?.urls.icon ?? "",
    "bundle-id": record?.app.bundleId ?? "",
    version: record?.app.version ?? "",
    build: record?.app.build ?? "",
    title: record?.app.name ?? "",
    "profile-type": profile?.type ?? "",
    "profile-expires": profile?.expires ?? "",
    devices: profile ? String(profile.devices) : "",
    channel: record?.channel ?? "",
    "build-id": record?.buildId ?? "",
    "site-dir": extras.siteDir ?? "",
    "comment-url": extras.commentUrl ?? "",
    "size-delta": base ? String(base.comparison.ipaSize.delta) : "",
    "base-build": base ? `${base.record.channel}/${base.record.buildId}` : "",
    skipped: String(extras.skipped)
  };
}
function setOutputs(record, extras) {
  for (const [name, value] of Object.entries(outputValues(record, extras)))
    setOutput(name, value);
}

// src/report/summary.ts
import { join } from "node:path";
var MAX_SUMMARY_LENGTH = 1e6;
var MAX_REMOVED_LISTED = 100;
function renderSummary(input) {
  const tail = [
    input.commentUrl ? `Pull-request comment: ${link(input.commentUrl, "open", ["https:", "http:"])}` : "",
    input.siteDir ? localPaths(input.siteDir, input.buildDir) : ""
  ];
  return renderBuild(
    {
      record: input.record,
      history: input.history,
      warnings: input.warnings,
      now: input.now ?? /* @__PURE__ */ new Date(),
      ...input.changes === void 0 ? {} : { changes: input.changes },
      ...input.devices === void 0 ? {} : { devices: input.devices }
    },
    {
      head: [],
      title: "Earlier builds of this channel",
      tail: tail.filter(Boolean),
      limit: MAX_SUMMARY_LENGTH
    }
  );
}
function localPaths(siteDir, buildDir2) {
  const rows = [`- **Site folder:** <code>${escapeText(siteDir)}</code>`];
  if (buildDir2) rows.push(`- **Build folder:** <code>${escapeText(join(siteDir, buildDir2))}</code>`);
  return rows.join("\n");
}
async function writeSummary(input) {
  await summary.addRaw(renderSummary(input), true).write();
}
async function writeSkippedSummary(reason2) {
  await summary.addRaw(`### \u23ED\uFE0F ipa-ota skipped

${escapeText(reason2)}
`, true).write();
}
function renderRemovedSummary(input) {
  const count = input.removed.length;
  const items = input.removed.slice(0, MAX_REMOVED_LISTED).map(
    (r) => `- <del>${escapeText(`${truncate(r.app.name, 100)} ${truncate(r.app.version, 60)} (${truncate(r.app.build, 60)})`)}</del> \xB7 ${escapeText(formatUtc(r.createdAt))}`
  );
  if (count > MAX_REMOVED_LISTED) items.push(`- \u2026and ${count - MAX_REMOVED_LISTED} more`);
  return [
    `### \u{1F5D1}\uFE0F ${escapeText(`Channel ${input.channel}: ${count} build${count === 1 ? "" : "s"} removed`)}`,
    ...items.length > 0 ? [items.join("\n")] : []
  ].join("\n\n") + "\n";
}
async function writeRemovedSummary(input) {
  await summary.addRaw(renderRemovedSummary(input), true).write();
}

// src/action/report.ts
async function reportSkipped(reason2) {
  notice(reason2);
  if (hasSummary()) await writeSkippedSummary(reason2);
  setOutputs(void 0, { skipped: true });
}
async function reportPublished(run, build2, published) {
  const { settings, context, octokit } = run;
  const { record, unreachable } = published;
  const commentUrl = unreachable === void 0 ? await comment(run, build2, published) : void 0;
  if (settings.deployment && octokit && context.owner && context.repo && !unreachable) {
    await warnOnFailure(
      () => createDeployment(octokit, {
        owner: context.owner,
        repo: context.repo,
        channel: record.channel,
        record
      })
    );
  }
  const siteDir = settings.host === "directory" ? resolve(settings.outputDir) : void 0;
  if (hasSummary()) {
    const { history, warnings, buildDir: buildDir2, now, changes, devices } = published;
    await writeSummary({
      record,
      history,
      warnings,
      siteDir,
      buildDir: buildDir2,
      commentUrl,
      now,
      changes,
      devices
    });
  }
  setOutputs(record, { siteDir, commentUrl, skipped: false, changes: published.changes });
}
async function reportRemoved(run, build2, { channel, plan }) {
  const { settings, context, octokit } = run;
  for (const issueNumber of await pullRequests(run, build2.source)) {
    await warnOnFailure(
      () => postRemovedComment(octokit, {
        owner: context.owner,
        repo: context.repo,
        issueNumber,
        removed: plan.removed,
        commentKey: settings.commentKey,
        author: settings.commentAuthor
      })
    );
  }
  if (hasSummary()) await writeRemovedSummary({ channel, removed: plan.removed });
  setOutputs(void 0, { skipped: false });
  setOutput("channel", channel);
}
async function comment(run, build2, published) {
  const { settings, context, octokit } = run;
  const { record, history, removed, warnings, now, changes, devices, reread } = published;
  let url;
  for (const issueNumber of await pullRequests(run, build2.source)) {
    url = await warnOnFailure(
      () => postComment(octokit, {
        owner: context.owner,
        repo: context.repo,
        issueNumber,
        record,
        history,
        warnings,
        now,
        changes,
        devices,
        removed,
        reread,
        commentKey: settings.commentKey,
        author: settings.commentAuthor,
        warn: warning
      })
    ) ?? url;
  }
  return url;
}
async function pullRequests({ settings, context, octokit }, source) {
  if (settings.comment === "never" || !octokit || !context.owner || !context.repo) return [];
  const explicit = settings.prNumber ?? source.pr;
  if (explicit !== void 0) return [explicit];
  const sha = source.sha;
  const found = sha && source.event === "push" ? await warnOnFailure(
    () => findPullRequests(octokit, { owner: context.owner, repo: context.repo, sha })
  ) ?? [] : [];
  if (found.length === 0 && settings.comment === "always") {
    warning(
      "comment: always, but this run belongs to no pull request: set pr-number to choose one."
    );
  }
  return found.map((pull) => pull.number);
}

// src/action/run.ts
async function runAction(settings, context) {
  const octokit = settings.token ? createOctokit(settings.token, context.apiUrl) : void 0;
  const run = { settings, context, octokit };
  const decision = await judge2(run);
  switch (decision.action) {
    case "skip":
      return reportSkipped(decision.reason);
    case "refuse":
      throw new UserError(decision.reason);
    case "remove":
      return reportRemoved(run, decision.build, await removeBuilds(run, decision.build));
    case "publish": {
      const ipa = await readBuildIpa(settings);
      const unsigned = skipAfterReading(decision.build, ipa.profile !== void 0);
      if (unsigned !== void 0) return reportSkipped(unsigned);
      const published = await publishIpa(run, decision.build, ipa);
      await reportPublished(run, decision.build, published);
      if (published.unreachable !== void 0) throw published.unreachable;
    }
  }
}
export {
  runAction
};
