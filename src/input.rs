//! Reading articles for a corpus: files, directories (recursively), standard input and
//! JSON lines of `{"id", "text", "published", "url", "source"}` records, each turned into
//! an [`Input`] (id, bytes, metadata). The `corroborate` tool and the examples read through
//! here, so every front end names documents the same way.
//!
//! Ids: a file given by path is named by its file name (`000_8499b99f56d395ce.txt`); a file
//! found in a directory by its path relative to that directory (`2025/03/a.txt`); standard
//! input is `stdin`; a JSON lines record by its `id` (or `FILE:LINE` without one). Where two
//! files would get one id, each keeps the path it was given by (`a/reference.txt`,
//! `b/reference.txt`), so no input is refused for its name.
//!
//! Nothing here stops at a bad input: what cannot be read is returned in
//! [`Inputs::refused`] with an [`Error`] that names it, and the rest is read.
//!
//! ```no_run
//! use corroborate::{input, Corpus};
//!
//! let read = input::read_paths(&["articles/"], &input::ReadOptions::default());
//! let mut corpus = Corpus::new();
//! for (inp, result) in read.inputs.iter().zip(input::add_to(&mut corpus, &read.inputs)) {
//!     if let Err(e) = result {
//!         eprintln!("refused {}: {e}", inp.id);
//!     }
//! }
//! let report = corpus.reconcile();
//! ```

use crate::corpus::Corpus;
use crate::dates::Date;
use crate::error::{Error, Result};
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// One article to add to a corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The document id (see the module docs).
    pub id: String,
    /// The raw bytes: a file's content, or a JSON lines record's `text`.
    pub bytes: Vec<u8>,
    /// Publication date given with the article (JSON lines `published`).
    pub published: Option<Date>,
    /// Where the article was published (JSON lines `url`).
    pub url: Option<String>,
    /// The outlet or feed (JSON lines `source`).
    pub source: Option<String>,
}

/// An input that could not be read, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// The id it would have had (or the path that failed).
    pub id: String,
    /// Why.
    pub error: Error,
}

/// What [`read_paths`] read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inputs {
    /// The articles, in the order given (directory entries sorted by name).
    pub inputs: Vec<Input>,
    /// What could not be read.
    pub refused: Vec<Refused>,
}

/// How to read a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Format {
    /// JSON lines for `.jsonl` and `.ndjson` files, else one article per file.
    #[default]
    Auto,
    /// One article per file (plain text or an HTML page), standard input included.
    Text,
    /// JSON lines, one article per line, standard input included.
    Jsonl,
}

/// Options of [`read_paths`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    /// How to read each file.
    pub format: Format,
    /// File extensions read from directories (lower case, no dot). Files given by path are
    /// read whatever their name; hidden files and folders in a directory are skipped.
    pub extensions: Vec<String>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            format: Format::Auto,
            extensions: ["txt", "text", "html", "htm", "xhtml", "jsonl", "ndjson"]
                .map(String::from)
                .to_vec(),
        }
    }
}

/// A file (or stdin) found, before it is read: its short and long id.
struct Found {
    path: Option<PathBuf>,
    short: String,
    long: String,
}

/// Reads every path: a file, a directory (recursively) or `-` for standard input.
pub fn read_paths<P: AsRef<Path>>(paths: &[P], options: &ReadOptions) -> Inputs {
    read_paths_with_stdin(paths, options, &mut std::io::stdin())
}

/// [`read_paths`] with `stdin` standing for `-`.
pub fn read_paths_with_stdin<P: AsRef<Path>>(
    paths: &[P],
    options: &ReadOptions,
    stdin: &mut dyn Read,
) -> Inputs {
    let mut out = Inputs::default();
    let mut found = Vec::new();
    for p in paths {
        find(p.as_ref(), options, &mut found, &mut out.refused);
    }
    let mut uses: HashMap<&str, usize> = HashMap::new();
    for f in &found {
        *uses.entry(f.short.as_str()).or_default() += 1;
    }
    let ids: Vec<String> = found
        .iter()
        .map(|f| {
            let id = if uses[f.short.as_str()] > 1 {
                &f.long
            } else {
                &f.short
            };
            id.clone()
        })
        .collect();
    for (f, id) in found.iter().zip(ids) {
        let bytes = match &f.path {
            Some(path) => std::fs::read(path).map_err(|e| io_error(path, &e)),
            None => {
                let mut b = Vec::new();
                stdin
                    .read_to_end(&mut b)
                    .map(|_| b)
                    .map_err(|e| io_error(Path::new("-"), &e))
            }
        };
        let bytes = match bytes {
            Ok(b) => b,
            Err(error) => {
                out.refused.push(Refused { id, error });
                continue;
            }
        };
        if is_jsonl(f.path.as_deref(), options.format) {
            let name = f
                .path
                .as_deref()
                .map_or("stdin".into(), |p| p.display().to_string());
            read_jsonl(&name, &bytes, &mut out);
        } else {
            out.inputs.push(Input {
                id,
                bytes,
                published: None,
                url: None,
                source: None,
            });
        }
    }
    out
}

fn is_jsonl(path: Option<&Path>, format: Format) -> bool {
    match format {
        Format::Jsonl => true,
        Format::Text => false,
        Format::Auto => path
            .and_then(|p| p.extension())
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson")),
    }
}

fn io_error(path: &Path, e: &std::io::Error) -> Error {
    Error::io(path, e)
}

/// Adds what `path` names to `found`: itself, stdin, or a directory's files in name order.
fn find(path: &Path, options: &ReadOptions, found: &mut Vec<Found>, refused: &mut Vec<Refused>) {
    let given = path.to_string_lossy().into_owned();
    if given == "-" {
        found.push(Found {
            path: None,
            short: "stdin".into(),
            long: "stdin".into(),
        });
        return;
    }
    if !path.is_dir() {
        let short = path
            .file_name()
            .map_or_else(|| given.clone(), |n| n.to_string_lossy().into_owned());
        found.push(Found {
            path: Some(path.to_path_buf()),
            short,
            long: given,
        });
        return;
    }
    let hidden =
        |e: &walkdir::DirEntry| e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
    let walk = walkdir::WalkDir::new(path)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !hidden(e));
    for entry in walk {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let at = e.path().unwrap_or(path).to_path_buf();
                refused.push(Refused {
                    id: at.to_string_lossy().into_owned(),
                    error: Error::Io {
                        path: at,
                        kind: e.io_error().map_or(std::io::ErrorKind::Other, |e| e.kind()),
                        message: e.to_string(),
                    },
                });
                continue;
            }
        };
        let wanted = entry
            .path()
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| options.extensions.iter().any(|x| x.eq_ignore_ascii_case(e)));
        if !entry.file_type().is_file() || !wanted {
            continue;
        }
        let rel = entry.path().strip_prefix(path).unwrap_or(entry.path());
        let short = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        found.push(Found {
            path: Some(entry.path().to_path_buf()),
            long: entry.path().to_string_lossy().into_owned(),
            short,
        });
    }
}

/// One JSON lines record; other fields are ignored.
#[derive(serde::Deserialize)]
struct Record {
    id: Option<String>,
    text: Option<String>,
    published: Option<String>,
    url: Option<String>,
    source: Option<String>,
}

/// Reads JSON lines (blank lines skipped) into `out`; a bad line is refused, the others read.
fn read_jsonl(name: &str, bytes: &[u8], out: &mut Inputs) {
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let at = format!("{name}:{}", i + 1);
        match record(name, i + 1, line) {
            Ok(input) => out.inputs.push(input),
            Err(error) => out.refused.push(Refused { id: at, error }),
        }
    }
}

fn record(name: &str, line: usize, bytes: &[u8]) -> Result<Input> {
    let bad = |message: String| Error::InvalidRecord {
        file: name.to_string(),
        line,
        message,
    };
    let r: Record = serde_json::from_slice(bytes).map_err(|e| bad(e.to_string()))?;
    let id = r.id.unwrap_or_else(|| format!("{name}:{line}"));
    let text = r
        .text
        .ok_or_else(|| bad("the record has no \"text\"".into()))?;
    let published = match r.published.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(p) => Some(parse_published(p).ok_or_else(|| Error::BadDate {
            id: id.clone(),
            value: p.to_string(),
        })?),
    };
    Ok(Input {
        id,
        bytes: text.into_bytes(),
        published,
        url: r.url,
        source: r.source,
    })
}

/// `YYYY-MM-DD`, alone or starting an RFC 3339 date-time (`2025-03-13T09:30:00Z`).
pub(crate) fn parse_published(s: &str) -> Option<Date> {
    match s.get(..10) {
        Some(day) if s.len() == 10 || s[10..].starts_with(['T', 't', ' ']) => Date::parse_iso(day),
        _ => None,
    }
}

/// Adds `inputs` to `corpus` in order, one result per input; an input the corpus refuses
/// is recorded with [`Corpus::refuse`] (the report lists it under `refused`) and does not
/// stop the others. Undated inputs are ingested in parallel ([`Corpus::add_all_bytes`]);
/// with any date given, one by one. Record the inputs that could not be read with
/// [`refuse_unread`].
pub fn add_to(corpus: &mut Corpus, inputs: &[Input]) -> Vec<Result<usize>> {
    let results = add_each(corpus, inputs);
    for (i, r) in inputs.iter().zip(&results) {
        if let Err(e) = r {
            corpus.refuse(&i.id, e);
        }
    }
    results
}

/// Records every input of `read` that could not be read with [`Corpus::refuse`].
pub fn refuse_unread(corpus: &mut Corpus, read: &Inputs) {
    for r in &read.refused {
        corpus.refuse(&r.id, &r.error);
    }
}

fn add_each(corpus: &mut Corpus, inputs: &[Input]) -> Vec<Result<usize>> {
    if inputs.iter().all(|i| i.published.is_none()) {
        let docs: Vec<(&str, &[u8])> = inputs
            .iter()
            .map(|i| (i.id.as_str(), i.bytes.as_slice()))
            .collect();
        return corpus.add_all_bytes(&docs);
    }
    inputs
        .iter()
        .map(|i| match i.published {
            None => corpus.add_bytes(&i.id, &i.bytes),
            Some(date) => match std::str::from_utf8(&i.bytes) {
                Ok(text) => corpus.add_dated(&i.id, text, Some(date)),
                Err(_) => corpus.add_bytes(&i.id, &i.bytes),
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> tempdir::Dir {
        let d = tempdir::Dir::new("input");
        d.write("a/reference.txt", "A.");
        d.write("b/reference.txt", "B.");
        d.write("b/c/deep.html", "<p>C.</p>");
        d.write("b/.hidden/x.txt", "hidden");
        d.write("b/notes.pdf", "skipped");
        d.write("one.txt", "One.");
        d.write(
            "feed.jsonl",
            "{\"id\": \"r1\", \"text\": \"Text one.\", \"published\": \"2025-03-13T09:00:00Z\", \"url\": \"https://example.org/1\", \"source\": \"Example\"}\n\n{\"text\": \"No id.\"}\n{\"id\": \"r3\"}\nnot json\n{\"id\": \"r5\", \"text\": \"x\", \"published\": \"13 March\"}\n",
        );
        d
    }

    fn ids(read: &Inputs) -> Vec<&str> {
        read.inputs.iter().map(|i| i.id.as_str()).collect()
    }

    #[test]
    fn directories_are_read_recursively_with_relative_ids() {
        let d = tree();
        let read = read_paths(&[d.path("b")], &ReadOptions::default());
        assert_eq!(ids(&read), ["c/deep.html", "reference.txt"]);
        assert!(read.refused.is_empty());
    }

    #[test]
    fn ids_keep_the_path_when_two_inputs_share_a_name() {
        let d = tree();
        let paths = [
            d.path("a/reference.txt"),
            d.path("b/reference.txt"),
            d.path("one.txt"),
        ];
        let read = read_paths(&paths, &ReadOptions::default());
        let want: Vec<String> = vec![
            paths[0].display().to_string(),
            paths[1].display().to_string(),
            "one.txt".into(),
        ];
        assert_eq!(ids(&read), want);
    }

    #[test]
    fn json_lines_give_ids_dates_and_metadata_and_refuse_bad_lines() {
        let d = tree();
        let read = read_paths(&[d.path("feed.jsonl")], &ReadOptions::default());
        let feed = d.path("feed.jsonl").display().to_string();
        assert_eq!(ids(&read), ["r1".to_string(), format!("{feed}:3")]);
        let r1 = &read.inputs[0];
        assert_eq!(r1.published, Date::ymd(2025, 3, 13));
        assert_eq!(r1.url.as_deref(), Some("https://example.org/1"));
        assert_eq!(r1.source.as_deref(), Some("Example"));
        let refused: Vec<String> = read.refused.iter().map(|r| r.error.to_string()).collect();
        assert_eq!(refused.len(), 3, "{refused:?}");
        assert!(
            refused[0].contains("line 4") && refused[0].contains("no \"text\""),
            "{refused:?}"
        );
        assert!(refused[1].contains("line 5"), "{refused:?}");
        assert!(matches!(read.refused[2].error, Error::BadDate { .. }));
    }

    #[test]
    fn stdin_and_unreadable_paths() {
        let d = tree();
        let mut stdin: &[u8] = b"From standard input.";
        let missing = d.path("missing.txt");
        let read = read_paths_with_stdin(
            &[PathBuf::from("-"), missing.clone()],
            &ReadOptions::default(),
            &mut stdin,
        );
        assert_eq!(ids(&read), ["stdin"]);
        assert_eq!(read.inputs[0].bytes, b"From standard input.");
        assert_eq!(read.refused.len(), 1);
        assert!(matches!(&read.refused[0].error, Error::Io { path, .. } if *path == missing));
        let mut stdin: &[u8] = b"{\"id\": \"s\", \"text\": \"Piped.\"}\n";
        let opts = ReadOptions {
            format: Format::Jsonl,
            ..ReadOptions::default()
        };
        let read = read_paths_with_stdin(&["-"], &opts, &mut stdin);
        assert_eq!(ids(&read), ["s"]);
    }

    #[test]
    fn add_to_keeps_order_and_dates() {
        let inputs = vec![
            Input {
                id: "x".into(),
                bytes: b"Officials met in Vienna on Monday to discuss the plan.".to_vec(),
                published: Date::ymd(2024, 5, 1),
                url: None,
                source: None,
            },
            Input {
                id: "y".into(),
                bytes: b"  ".to_vec(),
                published: None,
                url: None,
                source: None,
            },
        ];
        let mut c = Corpus::new();
        let results = add_to(&mut c, &inputs);
        assert_eq!(results[0], Ok(0));
        assert!(matches!(results[1], Err(Error::EmptyDocument { .. })));
        assert_eq!(c.documents()[0].published, Date::ymd(2024, 5, 1));
    }

    /// A throw-away directory under the target dir, removed when dropped.
    mod tempdir {
        use std::path::PathBuf;

        pub struct Dir(PathBuf);

        impl Dir {
            pub fn new(name: &str) -> Dir {
                use std::sync::atomic::{AtomicUsize, Ordering};
                static N: AtomicUsize = AtomicUsize::new(0);
                let n = N.fetch_add(1, Ordering::Relaxed);
                let p = std::env::temp_dir()
                    .join(format!("corroborate-{name}-{}-{n}", std::process::id()));
                let _ = std::fs::remove_dir_all(&p);
                std::fs::create_dir_all(&p).unwrap();
                Dir(p)
            }
            pub fn path(&self, rel: &str) -> PathBuf {
                self.0.join(rel)
            }
            pub fn write(&self, rel: &str, text: &str) {
                let p = self.path(rel);
                std::fs::create_dir_all(p.parent().unwrap()).unwrap();
                std::fs::write(p, text).unwrap();
            }
        }

        impl Drop for Dir {
            fn drop(&mut self) {
                let _ = std::fs::remove_dir_all(&self.0);
            }
        }
    }
}
