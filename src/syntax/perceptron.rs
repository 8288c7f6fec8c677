//! Averaged perceptron over hashed features with sparse weight rows: the one learner behind
//! the tagger and the parser.
//!
//! A feature is a 64-bit hash; its row holds a weight only for the classes an update ever
//! touched, so the model stays small although the parser has a hundred classes.

use rustc_hash::FxHashMap;

/// Trained weights, read-only: feature hash → a short run of (class, weight) entries.
///
/// Laid out for the cache, since scoring is almost all table lookups: an open-addressing
/// table of 8-byte slots (a 32-bit fingerprint of the feature, where its row starts, how long
/// it is), then the rows packed one after another as (class, 16-bit weight). A lookup touches
/// one slot line and one row line. Weights are integers on one scale per table, which keeps
/// the argmax exact; a fingerprint collision between two features is possible and harmless
/// (it adds a small weight to a score).
#[derive(Debug, Default)]
pub struct Weights {
    pub n_classes: usize,
    /// One unit of a stored weight, as a perceptron weight.
    pub scale: f32,
    slots: Vec<Slot>,
    entries: Vec<Entry16>,
    mask: usize,
    /// Features in key order with their rows: what the model file stores.
    keys: Vec<u64>,
}

#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    /// 0 marks an empty slot; fingerprints are never 0.
    finger: u32,
    /// Row start (low 24 bits) and length (high 8 bits).
    at: u32,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Entry16 {
    pub class: u8,
    pub w: i16,
}

/// Asks the kernel to back a large table with 2 MB pages before it is first written. Lookups
/// jump all over the tables, and with 4 KB pages most of them also miss the TLB.
fn huge_pages<T>(v: &Vec<T>) {
    #[cfg(target_os = "linux")]
    {
        const HUGE: usize = 2 << 20;
        let start = v.as_ptr() as usize;
        let end = start + v.capacity() * std::mem::size_of::<T>();
        let (a, b) = (start.div_ceil(HUGE) * HUGE, end / HUGE * HUGE);
        if b > a {
            // SAFETY: the range lies inside the vector's own allocation; MADV_HUGEPAGE only
            // changes how the kernel backs it, never its contents. Failure is harmless.
            unsafe {
                libc::madvise(a as *mut libc::c_void, b - a, libc::MADV_HUGEPAGE);
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = v;
}

/// Asks the CPU to start loading `x`'s cache line (a hint: no effect on results).
#[inline(always)]
fn prefetch<T>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: prefetching is a hint that never faults, and the pointer comes from a reference.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
            x as *const T as *const i8,
        );
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}

#[inline]
fn finger(k: u64) -> u32 {
    ((k >> 32) as u32) | 1
}

/// Most entries a table can hold (row starts are 24-bit).
pub const MAX_ENTRIES: usize = 1 << 24;

impl Weights {
    /// Builds the table from rows of (feature key, quantized entries); rows longer than 255
    /// entries keep their 255 largest.
    pub fn from_rows(n_classes: usize, scale: f32, mut rows: Vec<(u64, Vec<Entry16>)>) -> Self {
        rows.sort_unstable_by_key(|(k, _)| *k);
        let cap = (rows.len() * 3 / 2 + 1).next_power_of_two().max(16);
        let total: usize = rows
            .iter()
            .map(|(_, r)| r.len().min(255))
            .sum::<usize>()
            .min(MAX_ENTRIES);
        let mut slots = Vec::with_capacity(cap);
        huge_pages(&slots);
        slots.resize(cap, Slot::default());
        let entries = Vec::with_capacity(total);
        huge_pages(&entries);
        let mut w = Weights {
            n_classes,
            scale,
            slots,
            entries,
            mask: cap - 1,
            keys: Vec::with_capacity(rows.len()),
        };
        for (k, mut row) in rows {
            if row.is_empty() || w.entries.len() + row.len() > MAX_ENTRIES {
                continue;
            }
            if row.len() > 255 {
                row.sort_by_key(|e| std::cmp::Reverse(e.w.unsigned_abs()));
                row.truncate(255);
                row.sort_by_key(|e| e.class);
            }
            let mut i = (k as usize) & w.mask;
            while w.slots[i].finger != 0 {
                i = (i + 1) & w.mask;
            }
            w.slots[i] = Slot {
                finger: finger(k),
                at: w.entries.len() as u32 | (row.len() as u32) << 24,
            };
            w.entries.extend_from_slice(&row);
            w.keys.push(k);
        }
        w
    }

    fn row(&self, k: u64) -> &[Entry16] {
        let (start, len) = self.locate(k);
        &self.entries[start as usize..(start + len) as usize]
    }

    /// Adds every feature's weights to `scores` (length `n_classes`, zeroed by the caller),
    /// in units of [`Weights::scale`].
    ///
    /// Nearly all the time goes into cache misses, so the lookups are made in three sweeps:
    /// prefetch every slot, then read the slots and prefetch every row, then add. The misses
    /// of one sweep overlap instead of waiting on each other.
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [i32]) {
        const CHUNK: usize = 128;
        let mut rows = [(0u32, 0u32); CHUNK];
        for part in feats.chunks(CHUNK) {
            for f in part {
                prefetch(&self.slots[(*f as usize) & self.mask]);
            }
            for (f, r) in part.iter().zip(rows.iter_mut()) {
                *r = self.locate(*f);
                prefetch(&self.entries[(r.0 as usize).min(self.entries.len().saturating_sub(1))]);
            }
            for &(start, len) in &rows[..part.len()] {
                for e in &self.entries[start as usize..(start + len) as usize] {
                    scores[e.class as usize] += e.w as i32;
                }
            }
        }
    }

    /// Where feature `k`'s row is: (start, length), length 0 when absent.
    #[inline]
    fn locate(&self, k: u64) -> (u32, u32) {
        let f = finger(k);
        let mut i = (k as usize) & self.mask;
        loop {
            let s = self.slots[i];
            if s.finger == f {
                return (s.at & 0x00FF_FFFF, s.at >> 24);
            }
            if s.finger == 0 {
                return (0, 0);
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The table without entries smaller than `min_units` (in units of the scale): how the
    /// shipped model is pruned to size.
    pub fn pruned(&self, min_units: u16) -> Weights {
        let rows = self
            .rows()
            .map(|(k, r)| {
                (
                    k,
                    r.iter()
                        .copied()
                        .filter(|e| e.w.unsigned_abs() >= min_units)
                        .collect::<Vec<_>>(),
                )
            })
            .filter(|(_, r)| !r.is_empty())
            .collect();
        Weights::from_rows(self.n_classes, self.scale, rows)
    }

    /// Every feature and its row, in key order.
    pub fn rows(&self) -> impl Iterator<Item = (u64, &[Entry16])> + '_ {
        self.keys.iter().map(|&k| (k, self.row(k)))
    }

    pub fn features(&self) -> usize {
        self.keys.len()
    }

    pub fn entries(&self) -> usize {
        self.entries.len()
    }
}

#[derive(Clone, Copy, Debug)]
struct Entry {
    class: u16,
    w: f32,
    /// Sum of `w` over the instances seen up to `ts`.
    total: f64,
    ts: u64,
}

/// Weights being learned, with the running sums averaging needs.
#[derive(Debug)]
pub struct Trainer {
    pub n_classes: usize,
    rows: FxHashMap<u64, Vec<Entry>>,
    /// Instances seen so far; averaging weighs each weight by how long it held.
    step: u64,
}

impl Trainer {
    pub fn new(n_classes: usize) -> Self {
        Trainer {
            n_classes,
            rows: FxHashMap::default(),
            step: 0,
        }
    }

    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        for f in feats {
            if let Some(row) = self.rows.get(f) {
                for e in row {
                    scores[e.class as usize] += e.w;
                }
            }
        }
    }

    /// One training instance has been seen (call once per decision, updated or not).
    pub fn tick(&mut self) {
        self.step += 1;
    }

    /// Moves weight from the `guess` class to the `truth` class on every feature.
    pub fn update(&mut self, feats: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        let step = self.step;
        for f in feats {
            let row = self.rows.entry(*f).or_default();
            for (class, delta) in [(truth, 1.0f32), (guess, -1.0f32)] {
                let class = class as u16;
                match row.iter_mut().find(|e| e.class == class) {
                    Some(e) => {
                        e.total += (step - e.ts) as f64 * e.w as f64;
                        e.ts = step;
                        e.w += delta;
                    }
                    None => row.push(Entry {
                        class,
                        w: delta,
                        total: 0.0,
                        ts: step,
                    }),
                }
            }
        }
    }

    /// The averaged weights, quantized to 16 bits, dropping entries whose average magnitude
    /// is below `min_abs`. The same training gives the same table.
    pub fn averaged(&self, min_abs: f32) -> Weights {
        let step = self.step.max(1);
        let avg = |e: &Entry| ((e.total + (step - e.ts) as f64 * e.w as f64) / step as f64) as f32;
        let max = self
            .rows
            .values()
            .flatten()
            .map(|e| avg(e).abs())
            .fold(0f32, f32::max);
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let rows = self
            .rows
            .iter()
            .map(|(k, row)| {
                let mut r: Vec<Entry16> = row
                    .iter()
                    .map(|e| (e.class, avg(e)))
                    .filter(|(_, w)| w.abs() >= min_abs.max(scale / 2.0))
                    .map(|(c, w)| Entry16 {
                        class: c as u8,
                        w: (w / scale).round() as i16,
                    })
                    .collect();
                r.sort_unstable_by_key(|e| e.class);
                (*k, r)
            })
            .filter(|(_, r)| !r.is_empty())
            .collect();
        Weights::from_rows(self.n_classes, scale, rows)
    }
}

/// Index of the highest score among classes `allowed` says yes to (ties: the lowest index).
#[inline]
pub fn argmax<T: PartialOrd + Copy>(
    scores: &[T],
    allowed: impl Fn(usize) -> bool,
) -> Option<usize> {
    let mut best: Option<(usize, T)> = None;
    for (i, &s) in scores.iter().enumerate() {
        if allowed(i) && best.is_none_or(|(_, b)| s > b) {
            best = Some((i, s));
        }
    }
    best.map(|(i, _)| i)
}

/// Mixes feature parts into one hash (splitmix64 finalizer over a running combination).
#[inline]
pub fn mix(template: u64, parts: &[u64]) -> u64 {
    let mut h = template.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    for p in parts {
        h ^= p
            .wrapping_add(0x9E37_79B9_7F4A_7C15)
            .wrapping_add(h << 6)
            .wrapping_add(h >> 2);
        h = fin(h);
    }
    h
}

#[inline]
fn fin(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A string's hash for use as a feature part (FNV-1a, stable across runs and platforms).
#[inline]
pub fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.as_bytes() {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    fin(h)
}

/// A small deterministic random source (splitmix64) for shuffling and exploration in training.
#[derive(Clone, Debug)]
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        fin(self.0)
    }

    /// A float in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}
