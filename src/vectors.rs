//! Word vectors: GloVe 6B 50d (Stanford NLP, PDDL 1.0), the 30,000 most frequent lowercase
//! words, int8-quantised (`src/data/vectors.bin`, rebuilt by `tools/build_vectors.py`; source
//! and licence in `src/data/NOTICE-vectors.md`). Used as a soft similarity for paraphrase
//! ('wins' / 'clinches', 'polls' / 'vote') where no lexicon links two words.

use std::sync::OnceLock;

const DATA: &[u8] = include_bytes!("data/vectors.bin");

struct Table {
    /// Sorted words.
    words: Vec<&'static str>,
    dim: usize,
    /// Row-major int8 components, one row per word.
    rows: &'static [u8],
    /// Euclidean length of each row.
    norms: Vec<f32>,
}

fn u32_at(b: &[u8], at: usize) -> usize {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]) as usize
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        assert_eq!(&DATA[..4], b"GLV1", "vectors.bin: bad magic");
        let (n, dim, len) = (u32_at(DATA, 4), u32_at(DATA, 8), u32_at(DATA, 12));
        let block = std::str::from_utf8(&DATA[16..16 + len]).expect("vectors.bin: utf-8 words");
        let words: Vec<&'static str> = block.split('\n').collect();
        assert_eq!(words.len(), n, "vectors.bin: word count");
        let rows = &DATA[16 + len..];
        assert_eq!(rows.len(), n * dim, "vectors.bin: row bytes");
        let norms = rows
            .chunks_exact(dim)
            .map(|r| {
                r.iter()
                    .map(|&x| (x as i8 as f32).powi(2))
                    .sum::<f32>()
                    .sqrt()
            })
            .collect();
        Table {
            words,
            dim,
            rows,
            norms,
        }
    })
}

fn index(word: &str) -> Option<usize> {
    table().words.binary_search(&word).ok()
}

/// Cosine similarity of two lowercase words, `None` when either has no vector. An
/// inflected form outside the vocabulary is looked up by its base form ('clinches' as
/// 'clinch', 'stormed' as 'storm'); see [`similarity`] for the forms as given.
pub fn similarity_inflected(a: &str, b: &str) -> Option<f32> {
    similarity(known_form(a)?, known_form(b)?)
}

/// The word itself when it has a vector, else the first of its base forms that has one
/// (a final 'es', 's', 'ed', 'd' or 'ing' removed).
fn known_form(w: &str) -> Option<&str> {
    if index(w).is_some() {
        return Some(w);
    }
    ["es", "s", "ed", "d", "ing"]
        .iter()
        .filter_map(|suffix| w.strip_suffix(suffix))
        .find(|base| base.len() >= 3 && index(base).is_some())
}

/// Cosine similarity of two lowercase words as given, `None` when either has no vector.
pub fn similarity(a: &str, b: &str) -> Option<f32> {
    let (i, j) = (index(a)?, index(b)?);
    let t = table();
    let (ra, rb) = (
        &t.rows[i * t.dim..(i + 1) * t.dim],
        &t.rows[j * t.dim..(j + 1) * t.dim],
    );
    let dot: i32 = ra
        .iter()
        .zip(rb)
        .map(|(&x, &y)| x as i8 as i32 * y as i8 as i32)
        .sum();
    let norm = t.norms[i] * t.norms[j];
    (norm > 0.0).then(|| dot as f32 / norm)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_loads_and_relates_paraphrases() {
        assert!(similarity("the", "the").is_some() && similarity("xqzzv", "the").is_none());
        let s = |a, b| similarity(a, b).unwrap();
        assert!((s("vote", "vote") - 1.0).abs() < 1e-4);
        assert!(s("wins", "victory") > s("wins", "banana"));
        assert!(s("election", "vote") > 0.6, "{}", s("election", "vote"));
        assert_eq!(similarity("election", "xqzzv"), None);
    }
}
