//! Averaged perceptron over hashed features with sparse weight rows: the one learner behind
//! the tagger and the parser.
//!
//! A feature is a 64-bit hash; its row holds a weight only for the classes an update ever
//! touched, so the model stays small although the parser has a hundred classes.

use rustc_hash::FxHashMap;

/// Trained weights, read-only: feature hash → a short run of (class, weight) entries.
///
/// Laid out for the cache and the branch predictor, since scoring is almost all table lookups.
/// Features hash to 64-byte buckets of eight slots: eight 32-bit fingerprints, then eight
/// 32-bit values; a full bucket spills into the next. One compare of the eight fingerprints
/// finds a feature's slot, or the first empty one, whose value means "no weights", so a lookup
/// takes no branch that depends on the feature. A row of one entry lives in its slot's value;
/// a longer one is stored apart, sparse as (class, weight) entries padded to a multiple of
/// four, or, when it has weights for many classes (the frequent features: tags alone, tag
/// pairs), dense as one 16-bit weight per class, added with vector instructions. Weights are
/// integers on one scale per table, which keeps the argmax exact and the sum independent of
/// the order of the additions; a fingerprint collision between two features is possible and
/// harmless (it adds a small weight to a score).
#[derive(Debug, Default)]
pub struct Weights {
    pub n_classes: usize,
    /// One unit of a stored weight, as a perceptron weight.
    pub scale: f32,
    buckets: Huge<Bucket>,
    /// Sparse rows, each a whole number of groups of four entries (padding: class `SINK`).
    sparse: Huge<Entry16>,
    /// Dense rows, `stride` weights each (zeros past `n_classes`).
    dense: Huge<i16>,
    stride: usize,
    /// Features in key order: what the model file stores.
    keys: Vec<u64>,
    /// Tells tables apart for caches of sums (0: an empty table; never reused).
    pub id: u64,
    #[cfg(target_arch = "x86_64")]
    avx2: bool,
}

const SLOTS: usize = 8;

static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// `finger[i]` 0 marks an empty slot (fingerprints are never 0) and its `val[i]` is `NONE`.
/// A value is `class | weight << 8` (one entry; bit 31 clear), or a row stored apart:
/// `FAR | dense << 30 | groups << 22 | start`, where `start` counts dense rows, or groups of
/// four sparse entries, and `groups` is a sparse row's length in groups.
#[derive(Clone, Copy, Debug)]
#[repr(C, align(64))]
struct Bucket {
    finger: [u32; SLOTS],
    val: [u32; SLOTS],
}

impl Default for Bucket {
    fn default() -> Self {
        Bucket {
            finger: [0; SLOTS],
            val: [NONE; SLOTS],
        }
    }
}

/// The class that takes the additions nobody reads (padding, absent features).
const SINK: u32 = 255;
/// The value of an absent feature: nothing added to class `SINK`.
const NONE: u32 = SINK;
const FAR: u32 = 1 << 31;
const DENSE: u32 = 1 << 30;
const START_BITS: u32 = 22;
/// Most dense rows, or groups of four sparse entries, a table can hold.
pub const MAX_ROWS: usize = 1 << START_BITS;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Entry16 {
    pub class: u8,
    pub w: i16,
}

/// Scores being summed: one per class, then the sink.
#[repr(C, align(32))]
struct Acc([i32; 256]);

/// A read-only array that starts on a 2 MB boundary, backed by 2 MB pages where the kernel
/// allows. Lookups jump all over the tables, and with 4 KB pages most of them also miss the
/// TLB (each miss a page walk, dearer still in a virtual machine). Arrays under 1 MB stay
/// ordinary.
///
/// The big ones get a mapping of their own: memory from the allocator is often heap the model
/// decoder just freed, already backed by 4 KB pages, which advice given afterwards does not
/// change (measured: under half the tables got 2 MB pages that way).
#[derive(Debug)]
struct Huge<T> {
    /// The whole mapping (null when the array lives in `vec`) and its length in bytes.
    map: *mut libc::c_void,
    map_len: usize,
    data: *const T,
    len: usize,
    /// Owns what `data` points to when the array is not mapped; read only through `data`.
    _vec: Vec<T>,
}

// SAFETY: a `Huge` owns its mapping and never writes to it after `new`, so sharing or moving
// it between threads is as safe as for the `Vec<T>` it replaces.
unsafe impl<T: Send> Send for Huge<T> {}
// SAFETY: as above; the contents are read-only.
unsafe impl<T: Sync> Sync for Huge<T> {}

impl<T> Default for Huge<T> {
    fn default() -> Self {
        Huge::in_vec(Vec::new())
    }
}

impl<T> Huge<T> {
    fn in_vec(vec: Vec<T>) -> Self {
        Huge {
            map: std::ptr::null_mut(),
            map_len: 0,
            data: vec.as_ptr(),
            len: vec.len(),
            _vec: vec,
        }
    }
}

impl<T: Copy> Huge<T> {
    fn new(data: Vec<T>) -> Self {
        #[cfg(target_os = "linux")]
        if std::mem::size_of_val(data.as_slice()) >= 1 << 20
            && let Some(h) = Huge::mapped(&data)
        {
            return h;
        }
        Huge::in_vec(data)
    }

    /// A copy of `data` in a mapping of its own, `None` if the mapping cannot be made.
    #[cfg(target_os = "linux")]
    fn mapped(data: &[T]) -> Option<Self> {
        const HUGE: usize = 2 << 20;
        let rounded = std::mem::size_of_val(data).next_multiple_of(HUGE);
        let map_len = rounded + HUGE;
        // SAFETY: a fresh private anonymous mapping; nothing else refers to it.
        let map = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                map_len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if map == libc::MAP_FAILED {
            return None;
        }
        let start = (map as usize).next_multiple_of(HUGE);
        // SAFETY: [start, start + rounded) lies inside the mapping, which is untouched yet, so
        // the advice applies from the first page fault on; failure is harmless. The copy
        // writes at most `rounded` bytes there, `start` is aligned for any `T` (2 MB), and the
        // elements are `Copy`.
        unsafe {
            libc::madvise(start as *mut libc::c_void, rounded, libc::MADV_HUGEPAGE);
            std::ptr::copy_nonoverlapping(data.as_ptr(), start as *mut T, data.len());
        }
        Some(Huge {
            map,
            map_len,
            data: start as *const T,
            len: data.len(),
            _vec: Vec::new(),
        })
    }
}

impl<T> Drop for Huge<T> {
    fn drop(&mut self) {
        #[cfg(target_os = "linux")]
        if !self.map.is_null() {
            // SAFETY: the mapping was made in `mapped` with this length and is unmapped once.
            unsafe {
                libc::munmap(self.map, self.map_len);
            }
        }
    }
}

impl<T> std::ops::Deref for Huge<T> {
    type Target = [T];
    #[inline(always)]
    fn deref(&self) -> &[T] {
        // SAFETY: `data` and `len` describe `vec`'s elements or the copy in the mapping, both
        // alive and unchanged as long as `self`.
        unsafe { std::slice::from_raw_parts(self.data, self.len) }
    }
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

/// The bucket feature `k` starts looking in, of `nb`.
#[inline(always)]
fn bucket_of(k: u64, nb: usize) -> usize {
    ((k as u32 as u64 * nb as u64) >> 32) as usize
}

#[inline]
fn finger(k: u64) -> u32 {
    ((k >> 32) as u32) | 1
}

impl Weights {
    /// Builds the table from rows of (feature key, quantized entries); rows longer than 255
    /// entries keep their 255 largest, and entries of weight 0 are dropped.
    pub fn from_rows(n_classes: usize, scale: f32, mut rows: Vec<(u64, Vec<Entry16>)>) -> Self {
        assert!(n_classes < SINK as usize, "at most 254 classes");
        rows.iter_mut().for_each(|(_, r)| r.retain(|e| e.w != 0));
        rows.retain(|(_, r)| !r.is_empty());
        rows.sort_unstable_by_key(|(k, _)| *k);
        // About three quarters full: most lookups, found or not, end in their first bucket.
        let nb = (rows.len() * 4 / (3 * SLOTS) + 1).max(4);
        let mut buckets = vec![Bucket::default(); nb];
        let stride = n_classes.next_multiple_of(16).max(16);
        let mut sparse: Vec<Entry16> = Vec::new();
        let mut dense: Vec<i16> = Vec::new();
        let mut keys = Vec::with_capacity(rows.len());
        // A row is dense when adding all classes costs less than visiting its entries.
        let dense_from = (n_classes / 5).max(3);
        let pad = Entry16 {
            class: SINK as u8,
            w: 0,
        };
        for (k, mut row) in rows {
            if row.len() > 255 {
                row.sort_by_key(|e| std::cmp::Reverse(e.w.unsigned_abs()));
                row.truncate(255);
                row.sort_by_key(|e| e.class);
            }
            let val = if row.len() == 1 {
                row[0].class as u32 | (row[0].w as u16 as u32) << 8
            } else if row.len() >= dense_from {
                let start = dense.len();
                dense.resize(start + stride, 0);
                for e in &row {
                    dense[start + e.class as usize] = e.w;
                }
                FAR | DENSE | (start / stride) as u32
            } else {
                let start = sparse.len();
                sparse.extend_from_slice(&row);
                sparse.resize(start + row.len().next_multiple_of(4), pad);
                FAR | (row.len().div_ceil(4) as u32) << START_BITS | (start / 4) as u32
            };
            let mut b = bucket_of(k, nb);
            'place: loop {
                for i in 0..SLOTS {
                    if buckets[b].finger[i] == 0 {
                        buckets[b].finger[i] = finger(k);
                        buckets[b].val[i] = val;
                        break 'place;
                    }
                }
                b = (b + 1) % nb;
            }
            keys.push(k);
        }
        assert!(
            sparse.len() / 4 < MAX_ROWS && dense.len() / stride < MAX_ROWS,
            "weight table too large for its layout"
        );
        Weights {
            n_classes,
            scale,
            buckets: Huge::new(buckets),
            sparse: Huge::new(sparse),
            dense: Huge::new(dense),
            stride,
            keys,
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            #[cfg(target_arch = "x86_64")]
            avx2: std::arch::is_x86_feature_detected!("avx2"),
        }
    }

    /// The value of feature `k`'s slot, `NONE` when it has none.
    #[inline(always)]
    fn find(&self, k: u64) -> u32 {
        let f = finger(k);
        let nb = self.buckets.len();
        let mut b = bucket_of(k, nb);
        loop {
            let bucket = &self.buckets[b];
            // Slots fill in order, so the first slot that is the feature's or empty decides.
            let mut m = 0u32;
            for (i, &x) in bucket.finger.iter().enumerate() {
                m |= ((x == f) as u32 | (x == 0) as u32) << i;
            }
            if m != 0 {
                return bucket.val[m.trailing_zeros() as usize];
            }
            b += 1;
            if b == nb {
                b = 0;
            }
        }
    }

    /// [`Weights::find`] comparing a bucket's eight fingerprints in one vector instruction.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    #[inline]
    fn find_avx2(&self, k: u64) -> u32 {
        use std::arch::x86_64::*;
        let f = _mm256_set1_epi32(finger(k) as i32);
        let zero = _mm256_setzero_si256();
        let nb = self.buckets.len();
        let mut b = bucket_of(k, nb);
        loop {
            let bucket = &self.buckets[b];
            // SAFETY: a bucket is 64-byte aligned and starts with its eight 32-bit fingerprints.
            let x = unsafe { _mm256_load_si256(bucket.finger.as_ptr() as *const __m256i) };
            let hit = _mm256_or_si256(_mm256_cmpeq_epi32(x, f), _mm256_cmpeq_epi32(x, zero));
            let m = _mm256_movemask_ps(_mm256_castsi256_ps(hit)) as u32;
            if m != 0 {
                return bucket.val[m.trailing_zeros() as usize];
            }
            b += 1;
            if b == nb {
                b = 0;
            }
        }
    }

    /// Feature `k`'s row, in class order (empty when absent).
    fn row(&self, k: u64) -> Vec<Entry16> {
        if self.buckets.is_empty() {
            return Vec::new();
        }
        let v = self.find(k);
        if v & FAR == 0 {
            return if v == NONE {
                Vec::new()
            } else {
                vec![Entry16 {
                    class: v as u8,
                    w: (v >> 8) as u16 as i16,
                }]
            };
        }
        let start = (v & (MAX_ROWS as u32 - 1)) as usize;
        if v & DENSE != 0 {
            // Weights of 0 are never stored, so a 0 here is a class without weight.
            return self.dense[start * self.stride..start * self.stride + self.n_classes]
                .iter()
                .enumerate()
                .filter(|(_, w)| **w != 0)
                .map(|(c, &w)| Entry16 { class: c as u8, w })
                .collect();
        }
        let groups = ((v >> START_BITS) & 0xFF) as usize;
        self.sparse[start * 4..(start + groups) * 4]
            .iter()
            .filter(|e| e.class as u32 != SINK)
            .copied()
            .collect()
    }

    /// Adds every feature's weights to `scores` (length `n_classes`), in units of
    /// [`Weights::scale`].
    ///
    /// Nearly all the time goes into cache misses, so the lookups are made in sweeps:
    /// prefetch every feature's bucket, then read the slots (adding the one-entry rows) and
    /// note the rows stored apart, prefetch the sparse ones, add the dense ones, then the
    /// sparse ones. The misses of one sweep overlap instead of waiting on each other.
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [i32]) {
        if self.buckets.is_empty() {
            return;
        }
        assert_eq!(scores.len(), self.n_classes);
        #[cfg(target_arch = "x86_64")]
        if self.avx2 {
            // SAFETY: the CPU was checked for AVX2 when the table was built.
            return unsafe { self.score_avx2(feats, scores) };
        }
        self.score_any::<false>(feats, scores)
    }

    /// Scores consecutive groups of `per` features into consecutive rows of `out`
    /// (`n_classes` each), one row per group: [`Weights::score`] for each, with the buckets
    /// of several groups asked for ahead so that their misses overlap.
    pub fn score_each(&self, feats: &[u64], per: usize, out: &mut [i32]) {
        const AHEAD: usize = 8;
        if self.buckets.is_empty() || per == 0 {
            return;
        }
        let nb = self.buckets.len();
        for (g, (group, row)) in feats
            .chunks(per)
            .zip(out.chunks_mut(self.n_classes))
            .enumerate()
        {
            if g % AHEAD == 0 {
                let end = ((g + AHEAD) * per).min(feats.len());
                for f in &feats[g * per..end] {
                    prefetch(&self.buckets[bucket_of(*f, nb)]);
                }
            }
            self.score(group, row);
        }
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn score_avx2(&self, feats: &[u64], scores: &mut [i32]) {
        self.score_any::<true>(feats, scores)
    }

    /// The sum itself; `AVX2` says the caller runs with AVX2 enabled (checked by [`score`]).
    #[inline(always)]
    fn score_any<const AVX2: bool>(&self, feats: &[u64], scores: &mut [i32]) {
        const CHUNK: usize = 128;
        if self.buckets.is_empty() {
            return;
        }
        let nb = self.buckets.len();
        let stride = self.stride;
        let mut acc = Acc([0; 256]);
        let mut dense = [0u32; CHUNK];
        let mut sparse = [0u32; CHUNK];
        for part in feats.chunks(CHUNK) {
            for f in part {
                prefetch(&self.buckets[bucket_of(*f, nb)]);
            }
            let (mut nd, mut ns) = (0, 0);
            for f in part {
                #[cfg(target_arch = "x86_64")]
                // SAFETY: `AVX2` is true only inside `score_avx2`, run once AVX2 was detected.
                let v = if AVX2 {
                    unsafe { self.find_avx2(*f) }
                } else {
                    self.find(*f)
                };
                #[cfg(not(target_arch = "x86_64"))]
                let v = self.find(*f);
                // Every value adds one entry: its own, or 0 to the sink for a far row.
                let one = if v & FAR == 0 { v } else { NONE };
                acc.0[(one & 0xFF) as usize] += (one >> 8) as u16 as i16 as i32;
                let start = v & (MAX_ROWS as u32 - 1);
                dense[nd] = start;
                nd += (v & (FAR | DENSE) == FAR | DENSE) as usize;
                sparse[ns] = v;
                ns += (v & (FAR | DENSE) == FAR) as usize;
            }
            for &v in &sparse[..ns] {
                prefetch(&self.sparse[(v & (MAX_ROWS as u32 - 1)) as usize * 4]);
            }
            for &r in &dense[..nd] {
                let row = &self.dense[r as usize * stride..(r as usize + 1) * stride];
                for (a, w) in acc.0[..stride].iter_mut().zip(row) {
                    *a += *w as i32;
                }
            }
            for &v in &sparse[..ns] {
                let start = (v & (MAX_ROWS as u32 - 1)) as usize * 4;
                let groups = ((v >> START_BITS) & 0xFF) as usize;
                for g in self.sparse[start..start + groups * 4].chunks_exact(4) {
                    for e in g {
                        acc.0[e.class as usize] += e.w as i32;
                    }
                }
            }
        }
        for (s, a) in scores.iter_mut().zip(&acc.0) {
            *s += a;
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
                    r.into_iter()
                        .filter(|e| e.w.unsigned_abs() >= min_units)
                        .collect::<Vec<_>>(),
                )
            })
            .filter(|(_, r)| !r.is_empty())
            .collect();
        Weights::from_rows(self.n_classes, self.scale, rows)
    }

    /// Every feature and its row, in key order.
    pub fn rows(&self) -> impl Iterator<Item = (u64, Vec<Entry16>)> + '_ {
        self.keys.iter().map(|&k| (k, self.row(k)))
    }

    pub fn features(&self) -> usize {
        self.keys.len()
    }

    /// Weights stored (a dense row counts all its classes).
    pub fn entries(&self) -> usize {
        self.sparse.len() + self.dense.len()
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows of every shape (one entry, sparse, dense), enough to fill buckets and spill.
    fn rows(n_classes: usize, n: usize) -> Vec<(u64, Vec<Entry16>)> {
        let mut rng = Rng(3);
        (0..n)
            .map(|_| {
                let k = rng.next_u64();
                let len = match rng.next_u64() % 4 {
                    0 => 1,
                    1 => 2 + (rng.next_u64() % 8) as usize,
                    2 => n_classes / 2,
                    _ => n_classes,
                }
                .min(n_classes);
                let row = (0..len)
                    .map(|c| Entry16 {
                        class: (c * n_classes / len) as u8,
                        w: (rng.next_u64() % 2001) as i16 - 1000,
                    })
                    .filter(|e| e.w != 0)
                    .collect();
                (k, row)
            })
            .collect()
    }

    #[test]
    fn table_scores_like_a_plain_sum_and_round_trips() {
        for n_classes in [3, 50, 104] {
            let rows = rows(n_classes, 3000);
            let w = Weights::from_rows(n_classes, 1.0, rows.clone());
            let mut sorted = rows.clone();
            sorted.retain(|(_, r)| !r.is_empty());
            sorted.sort_by_key(|(k, _)| *k);
            let back: Vec<_> = w.rows().collect();
            assert_eq!(back, sorted);
            let mut rng = Rng(5);
            for _ in 0..200 {
                // Present features, some twice, and absent ones.
                let feats: Vec<u64> = (0..150)
                    .map(|_| {
                        if rng.unit() < 0.2 {
                            rng.next_u64()
                        } else {
                            rows[(rng.next_u64() % rows.len() as u64) as usize].0
                        }
                    })
                    .collect();
                let mut want = vec![0i32; n_classes];
                for f in &feats {
                    for (k, r) in &rows {
                        if k == f {
                            r.iter().for_each(|e| want[e.class as usize] += e.w as i32);
                        }
                    }
                }
                let mut got = vec![0i32; n_classes];
                w.score(&feats, &mut got);
                assert_eq!(got, want);
            }
        }
    }
}
