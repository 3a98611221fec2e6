//! Terms: the entity-normalised content of each sentence, as interned term ids, and their
//! document frequencies. Events and alignment both compare sentences and documents on these.
//!
//! A sentence's terms are: one `entity` term per name mention (so 'Vikov' and 'Witkoff' are
//! the same term once names are resolved), numbers in a normal form ('30-day' and 'thirty
//! days' both give `#30`), and the Snowball stems of the remaining content words.

use crate::document::Document;
use crate::hash::HashMap;
use crate::names::Entities;
use crate::text::{fold, is_stopword, words};
use rust_stemmers::{Algorithm, Stemmer};

/// An interned term.
pub type TermId = u32;

/// Interned terms of a whole corpus and their frequencies.
#[derive(Debug, Clone, Default)]
pub struct CorpusTerms {
    /// Term id by term text.
    vocab: HashMap<String, TermId>,
    /// Term texts by id (for explanations and debugging).
    pub names: Vec<String>,
    /// Per term: number of sentences holding it.
    pub sentence_df: Vec<u32>,
    /// Per term: number of documents holding it.
    pub document_df: Vec<u32>,
    /// Per term: true when it stands for an entity.
    pub is_entity: Vec<bool>,
    /// Per term: true when it stands for a WordNet concept (a synonym set), not a word.
    pub is_concept: Vec<bool>,
    /// Per term: its rarity in general English, as an inverse frequency (`-ln p`, from the
    /// shipped word-frequency table; unseen words count as rare).
    pub background_idf: Vec<f64>,
    /// Per document, per sentence: its terms (sorted, deduplicated).
    pub sentences: Vec<Vec<Vec<TermId>>>,
    /// Per document, per sentence, per term (parallel to `sentences`): the share of a word
    /// that the term stands for. 1 for words, numbers and entities; for a synonym concept,
    /// `1/sqrt(k)` where `k` is the number of concepts of the word that brought it (the
    /// largest share if several words did), so a word with twenty senses does not outweigh
    /// itself twenty times over when two sentences share it.
    pub shares: Vec<Vec<Vec<f32>>>,
    /// Total number of sentences.
    pub sentence_count: usize,
}

impl CorpusTerms {
    /// Extracts the terms of every sentence of `docs`.
    ///
    /// Term ids are given in order of first occurrence (documents, sentences and words in
    /// order; a word's synonym concepts right after it). The costly parts — tokenising,
    /// stemming, frequency and synonym look-ups — run per document and per distinct word
    /// form (in parallel with the `parallel` feature); only the numbering is sequential.
    pub fn build(docs: &[Document], entities: &Entities) -> Self {
        // 1. Per document: entity mentions and the word forms of each sentence.
        let order: Vec<usize> = (0..docs.len()).collect();
        let raw: Vec<RawDoc> = crate::par::map(&order, |&di| raw_doc(di, &docs[di], entities));
        // 2. Distinct word forms of the corpus, in order of first occurrence.
        let mut form_index: HashMap<&str, u32> = HashMap::default();
        let mut forms: Vec<&str> = Vec::new();
        let global: Vec<Vec<u32>> = raw
            .iter()
            .map(|d| {
                d.forms
                    .iter()
                    .map(|&f| {
                        *form_index.entry(f).or_insert_with(|| {
                            forms.push(f);
                            forms.len() as u32 - 1
                        })
                    })
                    .collect()
            })
            .collect();
        // 3. What each form contributes: its term, its rarity, its synonym concepts.
        let info: Vec<FormInfo> = crate::par::map(&forms, |f| FormInfo::of(f));
        // 4. Numbering, in the order the terms first occur.
        let mut numbering = Numbering::new(&info);
        let numbered: Vec<Vec<SentenceTerms>> = raw
            .iter()
            .zip(&global)
            .map(|(d, global)| {
                d.sentences
                    .iter()
                    .map(|s| numbering.sentence(s, global))
                    .collect()
            })
            .collect();
        let mut t = numbering.terms;
        // 5. Per sentence: words, numbers and entities, then concepts not already there.
        let merged: Vec<Vec<(Vec<TermId>, Vec<f32>)>> =
            crate::par::map(&numbered, |sents| sents.iter().map(merge_terms).collect());
        drop(numbered);
        for doc in merged {
            let mut doc_terms: Vec<TermId> = Vec::new();
            let mut sents = Vec::with_capacity(doc.len());
            let mut doc_shares = Vec::with_capacity(doc.len());
            for (ids, shares) in doc {
                for &id in &ids {
                    t.sentence_df[id as usize] += 1;
                }
                doc_terms.extend_from_slice(&ids);
                sents.push(ids);
                doc_shares.push(shares);
            }
            doc_terms.sort_unstable();
            doc_terms.dedup();
            for id in doc_terms {
                t.document_df[id as usize] += 1;
            }
            t.sentence_count += sents.len();
            t.sentences.push(sents);
            t.shares.push(doc_shares);
        }
        t
    }

    fn intern(&mut self, term: &str, background: f64) -> TermId {
        if let Some(&id) = self.vocab.get(term) {
            let bg = &mut self.background_idf[id as usize];
            *bg = bg.min(background);
            return id;
        }
        let entity = term.starts_with('@');
        self.is_concept.push(term.starts_with('~'));
        let id = self.names.len() as TermId;
        self.vocab.insert(term.to_string(), id);
        self.names.push(term.to_string());
        self.sentence_df.push(0);
        self.document_df.push(0);
        self.is_entity.push(entity);
        self.background_idf.push(background);
        id
    }

    /// Inverse frequency of a term among `n` sentences of which `df` hold it, blended with
    /// its rarity in general English (the blend leans on the background while `n` is small).
    pub fn local_idf(&self, t: TermId, df: usize, n: usize) -> f64 {
        let n = n as f64;
        let local = ((1.0 + n) / (1.0 + df as f64)).ln() + 1.0;
        let alpha = n / (n + BACKGROUND_PRIOR_SENTENCES);
        alpha * local + (1.0 - alpha) * self.background(t)
    }

    fn background(&self, t: TermId) -> f64 {
        self.background_idf
            .get(t as usize)
            .copied()
            .unwrap_or(BACKGROUND_UNSEEN)
            / BACKGROUND_SCALE
    }

    /// Inverse document frequency of a term: the corpus's own, blended with the term's
    /// rarity in general English, which stands in for it while the corpus is small (in five
    /// articles about one story, 'ceasefire' is in four, yet it is what they share).
    pub fn document_idf(&self, t: TermId) -> f64 {
        let df = self.document_df.get(t as usize).copied().unwrap_or(0) as f64;
        let n = self.sentences.len() as f64;
        let corpus = ((1.0 + n) / (1.0 + df)).ln() + 1.0;
        let bg = self
            .background_idf
            .get(t as usize)
            .copied()
            .unwrap_or(BACKGROUND_UNSEEN)
            / BACKGROUND_SCALE;
        let alpha = n / (n + BACKGROUND_PRIOR_DOCS);
        alpha * corpus + (1.0 - alpha) * bg
    }
}

/// Phase 4 of [`CorpusTerms::build`]: gives terms their ids in the order they first occur,
/// each word form's term and concepts interned at its first sight.
struct Numbering<'a> {
    /// The terms numbered so far.
    terms: CorpusTerms,
    /// What each distinct word form of the corpus contributes.
    info: &'a [FormInfo],
    /// Per word form: its term, once numbered.
    term_of_form: Vec<Option<Option<TermId>>>,
    /// Per word form: its concepts, once numbered.
    concepts_of_form: Vec<Option<Vec<TermId>>>,
    /// Per entity: its term, once numbered.
    entity_terms: HashMap<usize, TermId>,
}

impl<'a> Numbering<'a> {
    fn new(info: &'a [FormInfo]) -> Self {
        Numbering {
            terms: CorpusTerms::default(),
            info,
            term_of_form: vec![None; info.len()],
            concepts_of_form: vec![None; info.len()],
            entity_terms: HashMap::default(),
        }
    }

    /// The term of entity `e` named by a mention whose text has background idf `bg`.
    fn entity(&mut self, e: usize, bg: f64) -> TermId {
        match self.entity_terms.get(&e) {
            // As `intern` does for a known term: keep the rarest.
            Some(&id) => {
                let old = &mut self.terms.background_idf[id as usize];
                *old = old.min(bg);
                id
            }
            None => {
                let id = self.terms.intern(&format!("@{e}"), bg);
                self.entity_terms.insert(e, id);
                id
            }
        }
    }

    /// The terms of one sentence; `global` maps its document's word forms to the corpus's.
    fn sentence(&mut self, s: &RawSentence, global: &[u32]) -> SentenceTerms {
        let mut ids: Vec<TermId> = s
            .entities
            .iter()
            .map(|&(e, bg)| self.entity(e, bg))
            .collect();
        let mut concept_ids: Vec<(TermId, f32)> = Vec::new();
        // Terms brought by reporting verbs ('told', 'added'), and by other words.
        let mut reporting_ids: Vec<TermId> = Vec::new();
        let mut content_ids: Vec<TermId> = Vec::new();
        for &(local, name_like) in &s.words {
            let g = global[local as usize] as usize;
            let fi = &self.info[g];
            let terms = &mut self.terms;
            let id = *self.term_of_form[g]
                .get_or_insert_with(|| fi.term.as_ref().map(|x| terms.intern(x, fi.bg)));
            ids.extend(id);
            if fi.reporting {
                reporting_ids.extend(id);
            } else {
                content_ids.extend(id);
            }
            // Synonym concepts of content words, so 'truce' meets 'ceasefire'.
            // Capitalised words past the first are names ('Trump' is not 'best').
            if id.is_some() && !name_like {
                let cs = self.concepts_of_form[g].get_or_insert_with(|| {
                    fi.concepts
                        .iter()
                        .map(|c| terms.intern(&format!("~{c}"), CONCEPT_IDF))
                        .collect()
                });
                let share = 1.0 / (cs.len().max(1) as f32).sqrt()
                    * if fi.reporting { REPORTING_SHARE } else { 1.0 };
                concept_ids.extend(cs.iter().map(|&c| (c, share)));
            }
        }
        SentenceTerms {
            ids,
            concepts: concept_ids,
            reporting: reporting_ids,
            content: content_ids,
        }
    }
}

/// A sentence's term ids before merging.
struct SentenceTerms {
    /// Words, numbers and entities, in order of occurrence.
    ids: Vec<TermId>,
    /// Synonym concepts with their shares.
    concepts: Vec<(TermId, f32)>,
    /// Terms brought by reporting verbs.
    reporting: Vec<TermId>,
    /// Terms brought by other words.
    content: Vec<TermId>,
}

/// One document read for its terms, before numbering.
struct RawDoc<'a> {
    /// Distinct word forms, in order of first occurrence in the document.
    forms: Vec<&'a str>,
    /// Per sentence.
    sentences: Vec<RawSentence>,
}

/// One sentence read for its terms, before numbering.
struct RawSentence {
    /// Entity of each mention, with the background idf of its text.
    entities: Vec<(usize, f64)>,
    /// Words outside mentions: index into the document's forms, and whether the word looks
    /// like a name (capitalised, not first).
    words: Vec<(u32, bool)>,
}

fn raw_doc<'a>(di: usize, doc: &'a Document, entities: &Entities) -> RawDoc<'a> {
    let mut index: HashMap<&'a str, u32> = HashMap::default();
    let mut forms: Vec<&'a str> = Vec::new();
    let sentences = doc
        .sentences
        .iter()
        .enumerate()
        .map(|(si, s)| {
            let mentions: Vec<_> = entities.in_sentence(di, si).collect();
            let ents = mentions
                .iter()
                .map(|m| (m.entity, background_idf(m.span.slice(&doc.text))))
                .collect();
            let text = s.span.slice(&doc.text);
            // Mentions come in text order and words too: one pointer walks both.
            let mut next = 0;
            let words = words(text)
                .into_iter()
                .filter(|w| {
                    let abs = s.span.start + w.start;
                    while next < mentions.len() && mentions[next].span.end <= abs {
                        next += 1;
                    }
                    !mentions[next..]
                        .iter()
                        .take_while(|m| m.span.start <= abs)
                        .any(|m| abs < m.span.end)
                })
                .map(|w| {
                    let f = *index.entry(w.text).or_insert_with(|| {
                        forms.push(w.text);
                        forms.len() as u32 - 1
                    });
                    let name_like =
                        w.start > 0 && w.text.chars().next().is_some_and(char::is_uppercase);
                    (f, name_like)
                })
                .collect();
            RawSentence {
                entities: ents,
                words,
            }
        })
        .collect();
    RawDoc { forms, sentences }
}

/// What one word form contributes to the terms.
struct FormInfo {
    /// Its term ([`term_of`]), if any.
    term: Option<String>,
    /// The term's background idf.
    bg: f64,
    /// Its WordNet concepts (used where it is not a name).
    concepts: &'static [u32],
    /// Whether it is a reporting verb with a term.
    reporting: bool,
}

impl FormInfo {
    fn of(form: &str) -> Self {
        thread_local! {
            static STEMMER: Stemmer = Stemmer::create(Algorithm::English);
        }
        let term = STEMMER.with(|s| term_of(form, s));
        let bg = match &term {
            Some(x) if x.starts_with('#') => NUMBER_IDF,
            Some(_) => background_idf(form),
            None => 0.0,
        };
        let concepts = if term.is_some() {
            crate::synonyms::concepts(form)
        } else {
            &[]
        };
        let reporting = term.is_some() && is_reporting_verb(form);
        FormInfo {
            term,
            bg,
            concepts,
            reporting,
        }
    }
}

/// A sentence's sorted, deduplicated terms and their shares: words, numbers and entities
/// (share 1, or [`REPORTING_SHARE`] for a term only reporting verbs brought), then the
/// concepts not already there (the largest share of each).
fn merge_terms(terms: &SentenceTerms) -> (Vec<TermId>, Vec<f32>) {
    let mut ids = terms.ids.clone();
    ids.sort_unstable();
    ids.dedup();
    let mut content = Vec::new();
    if !terms.reporting.is_empty() {
        content = terms.content.clone();
        content.sort_unstable();
    }
    let share_of = |i: TermId| {
        if terms.reporting.contains(&i) && content.binary_search(&i).is_err() {
            REPORTING_SHARE
        } else {
            1.0
        }
    };
    let mut concept_ids = terms.concepts.clone();
    concept_ids.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
    concept_ids.dedup_by_key(|c| c.0);
    let mut merged: Vec<(TermId, f32)> = ids.iter().map(|&i| (i, share_of(i))).collect();
    merged.extend(
        concept_ids
            .iter()
            .filter(|c| ids.binary_search(&c.0).is_err()),
    );
    merged.sort_unstable_by_key(|c| c.0);
    merged.into_iter().unzip()
}

/// Share of a word given to a reporting verb ('told', 'added', 'reported') and to its
/// concepts in alignment: attribution says how a claim reached the page, not what the claim
/// is, so two sentences sharing only 'added' do not report a common claim.
const REPORTING_SHARE: f32 = 0.25;

/// True for an inflected form of a reporting verb (`src/data/reporting_verbs.txt`).
pub(crate) fn is_reporting_verb(word: &str) -> bool {
    static SET: std::sync::OnceLock<crate::hash::HashSet<String>> = std::sync::OnceLock::new();
    let set = SET.get_or_init(|| {
        crate::lexicon::parse_tagged_list(
            "reporting_verbs",
            include_str!("data/reporting_verbs.txt"),
        )
        .unwrap_or_default()
        .into_iter()
        .map(|(w, _)| w)
        .collect()
    });
    word.len() <= 10 && set.contains(fold(word).as_str())
}

/// Background idf of words missing from the frequency table (rarer than its last entry).
const BACKGROUND_UNSEEN: f64 = 17.0;
/// Background idf given to synonym concepts.
const CONCEPT_IDF: f64 = 10.0;
/// Background idf given to numbers.
const NUMBER_IDF: f64 = 12.0;
/// Scales background idf (`-ln p`, about 3 to 17) to the range of corpus idf.
const BACKGROUND_SCALE: f64 = 3.0;
/// Pseudo-count of documents for which the background stands in: with this many documents
/// the corpus's own idf and the background weigh the same.
const BACKGROUND_PRIOR_DOCS: f64 = 50.0;
/// The same for sentences.
const BACKGROUND_PRIOR_SENTENCES: f64 = 150.0;

/// Rarity of a word in general English, `-ln p(word)`, from the shipped frequency table.
pub fn background_idf(word: &str) -> f64 {
    let table = crate::wordfreq::LanguageStats::english();
    let f = fold(word);
    let f = f.strip_suffix("'s").unwrap_or(&f);
    // Multi-word names: the rarest word decides.
    f.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(|w| match table.zipf_x10(w) {
            Some(z) => (9.0 - z as f64 / 10.0) * std::f64::consts::LN_10,
            None => BACKGROUND_UNSEEN,
        })
        .fold(0.0, f64::max)
        .max(1.0)
}

/// The term a word contributes, if any: a number's normal form, or the stem of a content word.
pub fn term_of(word: &str, stemmer: &Stemmer) -> Option<String> {
    if let Some(n) = number_value(word) {
        return Some(format!("#{n}"));
    }
    let f = fold(word);
    let f = f.strip_suffix("'s").unwrap_or(&f);
    if f.chars().count() < 2 || is_stopword(f) || !f.chars().any(char::is_alphabetic) {
        return None;
    }
    Some(stemmer.stem(f).into_owned())
}

/// The value of a number written in digits ('30', '1,000', '2.5') or as an English word
/// ('thirty'), normalised to a string ('30', '1000', '2.5').
pub fn number_value(word: &str) -> Option<String> {
    let w = word.trim_end_matches('%');
    if w.starts_with(|c: char| c.is_ascii_digit()) {
        let digits: String = w.chars().filter(|c| *c != ',').collect();
        if digits.chars().all(|c| c.is_ascii_digit() || c == '.')
            && digits.matches('.').count() <= 1
        {
            return Some(digits.trim_end_matches('.').to_string());
        }
        return None;
    }
    const WORDS: [(&str, u32); 28] = [
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("six", 6),
        ("seven", 7),
        ("eight", 8),
        ("nine", 9),
        ("ten", 10),
        ("eleven", 11),
        ("twelve", 12),
        ("thirteen", 13),
        ("fourteen", 14),
        ("fifteen", 15),
        ("sixteen", 16),
        ("seventeen", 17),
        ("eighteen", 18),
        ("nineteen", 19),
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("seventy", 70),
        ("eighty", 80),
        ("ninety", 90),
        ("hundred", 100),
    ];
    let lower = word.to_lowercase();
    WORDS
        .iter()
        .find(|(n, _)| *n == lower)
        .map(|(_, v)| v.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_normalise() {
        assert_eq!(number_value("30"), Some("30".into()));
        assert_eq!(number_value("thirty"), Some("30".into()));
        assert_eq!(number_value("1,000"), Some("1000".into()));
        assert_eq!(number_value("86%"), Some("86".into()));
        assert_eq!(number_value("3D"), None);
    }

    #[test]
    fn stems_and_stopwords() {
        let s = Stemmer::create(Algorithm::English);
        assert_eq!(term_of("negotiations", &s), term_of("negotiation", &s));
        assert_eq!(term_of("the", &s), None);
        assert_eq!(term_of("Russia’s", &s), term_of("Russia", &s));
    }

    #[test]
    fn reporting_verbs_weigh_less() {
        assert!(is_reporting_verb("told") && is_reporting_verb("Added"));
        assert!(!is_reporting_verb("ceasefire"));
        let doc = crate::ingest::ingest(
            "a",
            "Officials said talks were planned. The minister added that talks were planned.",
            None,
            &Default::default(),
        )
        .unwrap();
        let t = CorpusTerms::build(std::slice::from_ref(&doc), &Entities::default());
        let share = |s: usize, word: &str| {
            let id = t.vocab[word];
            let k = t.sentences[0][s].binary_search(&id).unwrap();
            t.shares[0][s][k]
        };
        assert_eq!(share(1, "ad"), REPORTING_SHARE);
        assert_eq!(share(1, "plan"), 1.0);
    }
}
