//! The syntax model as bytes: a versioned header, a checksum, then the tagger, lemmatizer and
//! parser tables. Weights are stored as 16-bit integers with one scale per table, and entries
//! too small to matter were pruned when training ended (see the model's README).

use std::fmt;

use rustc_hash::FxHashMap;

use super::lemma::{Lemmatizer, Script};
use super::parser::Parser;
use super::perceptron::{Entry16, Weights};
use super::tagger::Tagger;

pub const MAGIC: &[u8; 17] = b"CLAIMDIFF-SYNTAX\n";
pub const VERSION: u32 = 1;

/// Everything the syntax stage needs.
#[derive(Debug, Default)]
pub struct Model {
    pub tagger: Tagger,
    pub lemmatizer: Lemmatizer,
    pub parser: Parser,
    /// Free text recorded at training time (treebank, command, scores).
    pub about: String,
}

/// Why a model file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError(pub String);

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

struct W(Vec<u8>);

impl W {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u16(&mut self, v: u16) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn f32(&mut self, v: f32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }
    fn strs(&mut self, v: &[String]) {
        self.u32(v.len() as u32);
        v.iter().for_each(|s| self.str(s));
    }
    fn map<V: Copy>(&mut self, m: &FxHashMap<u64, V>, mut put: impl FnMut(&mut Self, V)) {
        let mut keys: Vec<u64> = m.keys().copied().collect();
        keys.sort_unstable();
        self.u32(keys.len() as u32);
        for k in keys {
            self.u64(k);
            put(self, m[&k]);
        }
    }
    fn weights(&mut self, w: &Weights) {
        self.u32(w.n_classes as u32);
        self.f32(w.scale);
        self.u32(w.features() as u32);
        for (k, row) in w.rows() {
            self.u64(k);
            self.u8(row.len() as u8);
            for e in &row {
                self.u8(e.class);
                self.u16(e.w as u16);
            }
        }
    }
}

struct R<'a> {
    b: &'a [u8],
    at: usize,
}

impl R<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], ModelError> {
        if self.at + n > self.b.len() {
            return Err(ModelError(format!(
                "truncated at byte {} (wanted {n} more bytes)",
                self.at + MAGIC.len() + 4 + 8 + 32
            )));
        }
        let s = &self.b[self.at..self.at + n];
        self.at += n;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, ModelError> {
        Ok(u16::from_le_bytes(self.take(2)?.try_into().unwrap()))
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().unwrap()))
    }
    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    fn str(&mut self) -> Result<String, ModelError> {
        let n = self.u32()? as usize;
        let at = self.at;
        String::from_utf8(self.take(n)?.to_vec())
            .map_err(|_| ModelError(format!("text at byte {at} is not UTF-8")))
    }
    fn strs(&mut self) -> Result<Vec<String>, ModelError> {
        let n = self.u32()? as usize;
        (0..n).map(|_| self.str()).collect()
    }
    fn map<V>(
        &mut self,
        mut get: impl FnMut(&mut Self) -> Result<V, ModelError>,
    ) -> Result<FxHashMap<u64, V>, ModelError> {
        let n = self.u32()? as usize;
        let mut m = FxHashMap::with_capacity_and_hasher(n, Default::default());
        for _ in 0..n {
            let k = self.u64()?;
            m.insert(k, get(self)?);
        }
        Ok(m)
    }
    fn weights(&mut self) -> Result<Weights, ModelError> {
        let n_classes = self.u32()? as usize;
        let scale = self.f32()?;
        let n = self.u32()? as usize;
        let mut rows = Vec::with_capacity(n.min(1 << 24));
        for _ in 0..n {
            let k = self.u64()?;
            let len = self.u8()? as usize;
            let mut row = Vec::with_capacity(len);
            for _ in 0..len {
                let class = self.u8()?;
                if class as usize >= n_classes {
                    return Err(ModelError(format!(
                        "class {class} out of range (the table has {n_classes})"
                    )));
                }
                row.push(Entry16 {
                    class,
                    w: self.u16()? as i16,
                });
            }
            rows.push((k, row));
        }
        Ok(Weights::from_rows(n_classes, scale, rows))
    }
}

impl Model {
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = W(Vec::new());
        w.str(&self.about);
        w.strs(&self.tagger.tags);
        w.map(&self.tagger.sure, |w, v| w.u16(v));
        w.map(&self.tagger.ambiguity, |w, v| w.u64(v));
        w.weights(&self.tagger.weights);
        w.weights(&self.tagger.weights2);
        w.u32(self.lemmatizer.scripts.len() as u32);
        for s in &self.lemmatizer.scripts {
            w.u8(s.lower as u8);
            w.u8(s.strip);
            w.str(&s.append);
        }
        w.map(&self.lemmatizer.known, |w, v| w.u32(v));
        w.map(&self.lemmatizer.endings, |w, v| w.u32(v));
        w.strs(&self.parser.labels);
        w.u32(self.parser.root as u32);
        w.weights(&self.parser.weights);
        let payload = w.0;
        let mut out = Vec::with_capacity(payload.len() + 64);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        out.extend_from_slice(blake3::hash(&payload).as_bytes());
        out.extend_from_slice(&payload);
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let head = MAGIC.len() + 4 + 8 + 32;
        if bytes.len() < head || &bytes[..MAGIC.len()] != MAGIC {
            return Err(ModelError(
                "not a claimdiff syntax model (bad header)".into(),
            ));
        }
        let version = u32::from_le_bytes(bytes[MAGIC.len()..MAGIC.len() + 4].try_into().unwrap());
        if version != VERSION {
            return Err(ModelError(format!(
                "model format version {version}, this build reads version {VERSION}"
            )));
        }
        let len = u64::from_le_bytes(bytes[MAGIC.len() + 4..MAGIC.len() + 12].try_into().unwrap())
            as usize;
        let payload = &bytes[head..];
        if payload.len() != len {
            return Err(ModelError(format!(
                "model is {} bytes, its header says {}",
                bytes.len(),
                len + head
            )));
        }
        if blake3::hash(payload).as_bytes() != &bytes[MAGIC.len() + 12..head] {
            return Err(ModelError(
                "checksum mismatch: the model file is damaged".into(),
            ));
        }
        let mut r = R { b: payload, at: 0 };
        let about = r.str()?;
        let tags = r.strs()?;
        let sure = r.map(|r| r.u16())?;
        let ambiguity = r.map(|r| r.u64())?;
        let tw = r.weights()?;
        let tw2 = r.weights()?;
        let n = r.u32()? as usize;
        let mut scripts = Vec::with_capacity(n);
        for _ in 0..n {
            scripts.push(Script {
                lower: r.u8()? != 0,
                strip: r.u8()?,
                append: r.str()?,
            });
        }
        let known = r.map(|r| r.u32())?;
        let endings = r.map(|r| r.u32())?;
        let labels = r.strs()?;
        let root = r.u32()? as usize;
        let pw = r.weights()?;
        let bad_script = known
            .values()
            .chain(endings.values())
            .any(|&i| i as usize >= scripts.len());
        let bad_tag = sure.values().any(|&t| t as usize >= tags.len());
        if bad_script
            || bad_tag
            || root >= labels.len()
            || tw.n_classes != tags.len()
            || tw2.n_classes != tags.len()
            || pw.n_classes != 2 + 2 * labels.len()
        {
            return Err(ModelError("inconsistent tables".into()));
        }
        Ok(Model {
            tagger: Tagger {
                tags,
                weights: tw,
                weights2: tw2,
                sure,
                ambiguity,
            },
            lemmatizer: Lemmatizer {
                scripts,
                known,
                endings,
            },
            parser: Parser {
                labels,
                root,
                weights: pw,
            },
            about,
        })
    }
}
