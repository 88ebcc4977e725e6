"use strict";
// The answers file, built exactly as csplan_domain::maturity::answers_file reads it. No DOM here:
// the report crate's tests run this script under node and compare its checksum with Rust's.

// SHA-256 (FIPS 180-4). crypto.subtle is not available to pages opened from file:// in some
// browsers, so the page carries its own.
var CSPLAN_K = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
];

function csplanRotr(x, n) {
  return (x >>> n) | (x << (32 - n));
}

// Lowercase hex SHA-256 of a Uint8Array.
function csplanSha256Hex(bytes) {
  var h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
           0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
  var length = bytes.length;
  // Message, a 0x80 byte, zeros, and the bit length as 64 bits big-endian: a multiple of 64 bytes.
  var total = Math.ceil((length + 9) / 64) * 64;
  var m = new Uint8Array(total);
  m.set(bytes);
  m[length] = 0x80;
  var bitsHigh = Math.floor(length / 0x20000000);
  var bitsLow = (length * 8) >>> 0;
  for (var i = 0; i < 4; i++) {
    m[total - 8 + i] = (bitsHigh >>> (24 - 8 * i)) & 0xff;
    m[total - 4 + i] = (bitsLow >>> (24 - 8 * i)) & 0xff;
  }
  var w = new Array(64);
  for (var offset = 0; offset < total; offset += 64) {
    for (var t = 0; t < 16; t++) {
      var p = offset + 4 * t;
      w[t] = (m[p] << 24) | (m[p + 1] << 16) | (m[p + 2] << 8) | m[p + 3];
    }
    for (t = 16; t < 64; t++) {
      var s0 = csplanRotr(w[t - 15], 7) ^ csplanRotr(w[t - 15], 18) ^ (w[t - 15] >>> 3);
      var s1 = csplanRotr(w[t - 2], 17) ^ csplanRotr(w[t - 2], 19) ^ (w[t - 2] >>> 10);
      w[t] = (w[t - 16] + s0 + w[t - 7] + s1) | 0;
    }
    var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
    for (t = 0; t < 64; t++) {
      var big1 = csplanRotr(e, 6) ^ csplanRotr(e, 11) ^ csplanRotr(e, 25);
      var choose = (e & f) ^ (~e & g);
      var t1 = (k + big1 + choose + CSPLAN_K[t] + w[t]) | 0;
      var big0 = csplanRotr(a, 2) ^ csplanRotr(a, 13) ^ csplanRotr(a, 22);
      var majority = (a & b) ^ (a & c) ^ (b & c);
      var t2 = (big0 + majority) | 0;
      k = g; g = f; f = e; e = (d + t1) | 0;
      d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    h[0] = (h[0] + a) | 0; h[1] = (h[1] + b) | 0; h[2] = (h[2] + c) | 0; h[3] = (h[3] + d) | 0;
    h[4] = (h[4] + e) | 0; h[5] = (h[5] + f) | 0; h[6] = (h[6] + g) | 0; h[7] = (h[7] + k) | 0;
  }
  var hex = "";
  for (i = 0; i < 8; i++) {
    hex += ("00000000" + (h[i] >>> 0).toString(16)).slice(-8);
  }
  return hex;
}

// UTF-8 bytes of a string (TextEncoder where there is one).
function csplanUtf8(text) {
  if (typeof TextEncoder !== "undefined") {
    return new TextEncoder().encode(text);
  }
  var binary = unescape(encodeURIComponent(text));
  var bytes = new Uint8Array(binary.length);
  for (var i = 0; i < binary.length; i++) {
    bytes[i] = binary.charCodeAt(i);
  }
  return bytes;
}

// The canonical JSON the checksum covers: every field but checksum, compact, keys in this order.
// JSON.stringify escapes strings exactly as the Rust side does (see answers_file.rs).
function csplanCanonicalJson(file) {
  return JSON.stringify({
    format: file.format,
    version: file.version,
    assessment: file.assessment,
    respondent: { name: file.respondent.name, role: file.respondent.role },
    token: file.token,
    answers: file.answers.map(function (answer) {
      return {
        question: answer.question,
        level: answer.level,
        evidence: answer.evidence,
        note: answer.note
      };
    })
  });
}

// The answers file's text: `meta` is the questionnaire's metadata, `answers` the picked levels
// as [{question, level, evidence, note}] in question order.
function csplanAnswersFile(meta, answers) {
  var file = {
    format: meta.format,
    version: meta.version,
    assessment: meta.assessment,
    respondent: { name: meta.name, role: meta.role },
    token: meta.token,
    answers: answers
  };
  var withChecksum = JSON.parse(csplanCanonicalJson(file));
  withChecksum.checksum = csplanSha256Hex(csplanUtf8(csplanCanonicalJson(file)));
  return JSON.stringify(withChecksum, null, 2) + "\n";
}
