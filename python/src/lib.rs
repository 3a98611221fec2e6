//! `corroborate._corroborate`: the Python binding of the `corroborate` crate (PyO3, abi3).
//!
//! Python values are turned into owned Rust values while the GIL is held; ingesting and
//! reconciling then run with the GIL released (`Python::allow_threads`), and the report comes
//! back as Python dicts and lists (pythonize), in the field order of the JSON format.

use corroborate::{api, Config, Date, Error};
use pyo3::create_exception;
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyList, PyString, PyTuple};
use std::sync::RwLock;

create_exception!(
    corroborate,
    CorroborateError,
    PyValueError,
    "Base class of every error corroborate raises for bad input or settings."
);
create_exception!(
    corroborate,
    DocumentError,
    CorroborateError,
    "An article was refused (empty, undecodable, duplicate id, too large, bad date). \
     `document_id` names it, `kind` says why (`empty_document`, `duplicate_id`, ...)."
);
create_exception!(
    corroborate,
    ConfigError,
    CorroborateError,
    "A setting is unknown or out of range; `setting` names it."
);

/// The Python exception for `error`, with `kind`, `document_id` and `setting` attributes.
fn to_py_err(py: Python<'_>, error: &Error) -> PyErr {
    let info = api::error_info(error);
    let message = error.to_string();
    let err = match info.kind {
        "config" => ConfigError::new_err(message),
        _ if info.document.is_some() || info.kind == "empty_id" => DocumentError::new_err(message),
        _ => CorroborateError::new_err(message),
    };
    let value = err.value(py);
    let attrs = [
        ("kind", Some(info.kind)),
        ("document_id", info.document),
        ("setting", info.setting),
    ];
    for (name, v) in attrs {
        if value.setattr(name, v).is_err() {
            return err;
        }
    }
    err
}

/// An article's text as the caller gave it.
enum Text {
    /// A `str`: read as given (an HTML page is recognised by its start).
    Str(String),
    /// `bytes`: decoded as the CLI decodes a file (BOM, UTF-16, an HTML page's charset).
    Bytes(Vec<u8>),
}

/// One article, owned, ready to add without the GIL.
struct Article {
    id: String,
    text: Text,
    published: Option<String>,
}

impl Article {
    fn add_to(self, corpus: &mut corroborate::Corpus) -> Result<usize, Error> {
        let date = match self.published {
            None => None,
            Some(p) => Some(api::parse_published(&p).ok_or_else(|| Error::BadDate {
                id: self.id.clone(),
                value: p,
            })?),
        };
        add_text(corpus, &self.id, self.text, date)
    }
}

/// Adds one text the way `corroborate FILE` adds a file (bytes) or the library adds a
/// `&str`.
fn add_text(
    corpus: &mut corroborate::Corpus,
    id: &str,
    text: Text,
    date: Option<Date>,
) -> Result<usize, Error> {
    match (text, date) {
        (Text::Str(s), d) => corpus.add_dated(id, &s, d),
        (Text::Bytes(b), None) => corpus.add_bytes(id, &b),
        (Text::Bytes(b), Some(d)) => match std::str::from_utf8(&b) {
            Ok(s) => corpus.add_dated(id, s, Some(d)),
            Err(_) => corpus.add_bytes(id, &b),
        },
    }
}

fn extract_text(index: usize, id: &str, obj: &Bound<'_, PyAny>) -> PyResult<Text> {
    if let Ok(s) = obj.downcast::<PyString>() {
        return Ok(Text::Str(s.extract::<String>()?));
    }
    if let Ok(b) = obj.downcast::<PyBytes>() {
        return Ok(Text::Bytes(b.as_bytes().to_vec()));
    }
    Err(PyTypeError::new_err(format!(
        "article #{index} ('{id}'): text must be str or bytes, not {}",
        type_name(obj)
    )))
}

/// `published`: None, an ISO string, or a `datetime.date` / `datetime.datetime`.
fn extract_published(index: usize, id: &str, obj: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    if obj.is_none() {
        return Ok(None);
    }
    if let Ok(s) = obj.downcast::<PyString>() {
        return Ok(Some(s.extract::<String>()?));
    }
    if obj.hasattr("isoformat")? {
        return Ok(Some(obj.call_method0("isoformat")?.extract()?));
    }
    Err(PyTypeError::new_err(format!(
        "article #{index} ('{id}'): published must be None, an ISO date string or a date, not {}",
        type_name(obj)
    )))
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into())
}

fn extract_id(index: usize, obj: Option<Bound<'_, PyAny>>) -> PyResult<String> {
    match obj {
        Some(o) => o.extract::<String>().map_err(|_| {
            PyTypeError::new_err(format!(
                "article #{index}: id must be str, not {}",
                type_name(&o)
            ))
        }),
        None => Err(PyTypeError::new_err(format!(
            "article #{index}: a dict article needs an 'id'"
        ))),
    }
}

/// An article from a dict `{id, text, published?, url?, source?}` or an `(id, text)` pair.
fn extract_article(index: usize, obj: &Bound<'_, PyAny>) -> PyResult<Article> {
    if let Ok(d) = obj.downcast::<PyDict>() {
        let id = extract_id(index, d.get_item("id")?)?;
        let text = match d.get_item("text")? {
            Some(t) => extract_text(index, &id, &t)?,
            None => {
                return Err(PyTypeError::new_err(format!(
                    "article #{index} ('{id}'): a dict article needs a 'text'"
                )))
            }
        };
        let published = match d.get_item("published")? {
            Some(p) => extract_published(index, &id, &p)?,
            None => None,
        };
        return Ok(Article {
            id,
            text,
            published,
        });
    }
    let is_pair = obj.downcast::<PyTuple>().is_ok() || obj.downcast::<PyList>().is_ok();
    if is_pair && obj.len()? == 2 {
        let id = extract_id(index, Some(obj.get_item(0)?))?;
        let text = extract_text(index, &id, &obj.get_item(1)?)?;
        return Ok(Article {
            id,
            text,
            published: None,
        });
    }
    Err(PyTypeError::new_err(format!(
        "article #{index}: expected a dict {{id, text, published?, url?}} or an (id, text) tuple, not {}",
        type_name(obj)
    )))
}

fn extract_articles(articles: &Bound<'_, PyAny>) -> PyResult<Vec<Article>> {
    if articles.downcast::<PyString>().is_ok() || articles.downcast::<PyDict>().is_ok() {
        return Err(PyTypeError::new_err(
            "articles must be an iterable of dicts or (id, text) tuples",
        ));
    }
    articles
        .try_iter()?
        .enumerate()
        .map(|(i, a)| extract_article(i, &a?))
        .collect()
}

/// A Python setting value as `Config::set` reads it.
fn setting_value(v: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(b) = v.downcast::<PyBool>() {
        return Ok(if b.is_true() { "true" } else { "false" }.into());
    }
    if let Ok(s) = v.downcast::<PyString>() {
        return s.extract::<String>();
    }
    v.str()?.extract::<String>()
}

/// `config`: None (the defaults) or a dict of setting names (`"align.min_score"`) to values.
fn extract_config(py: Python<'_>, config: Option<&Bound<'_, PyAny>>) -> PyResult<Config> {
    let mut out = Config::default();
    let Some(c) = config.filter(|c| !c.is_none()) else {
        return Ok(out);
    };
    let d = c.downcast::<PyDict>().map_err(|_| {
        PyTypeError::new_err(format!(
            "config must be None or a dict of setting names to values, not {}",
            type_name(c)
        ))
    })?;
    for (k, v) in d.iter() {
        let key: String = k
            .extract()
            .map_err(|_| PyTypeError::new_err("config keys must be setting names (str)"))?;
        out.set(&key, &setting_value(&v)?)
            .map_err(|e| to_py_err(py, &e))?;
    }
    Ok(out)
}

/// What to do with an article the corpus refuses.
#[derive(Clone, Copy, PartialEq, Eq)]
enum OnError {
    Raise,
    Refuse,
}

fn on_error(errors: &str) -> PyResult<OnError> {
    match errors {
        "raise" => Ok(OnError::Raise),
        "refuse" => Ok(OnError::Refuse),
        other => Err(PyValueError::new_err(format!(
            "errors must be 'raise' or 'refuse', not '{other}'"
        ))),
    }
}

/// Adds every article in order; with `Raise` stops at the first refused one.
fn add_all(
    corpus: &mut corroborate::Corpus,
    articles: Vec<Article>,
    mode: OnError,
) -> Result<Vec<Option<usize>>, Error> {
    let mut out = Vec::with_capacity(articles.len());
    for a in articles {
        let id = a.id.clone();
        match a.add_to(corpus) {
            Ok(i) => out.push(Some(i)),
            Err(e) if mode == OnError::Refuse => {
                corpus.refuse(&id, &e);
                out.push(None);
            }
            Err(e) => return Err(e),
        }
    }
    Ok(out)
}

fn report_to_py<'py>(py: Python<'py>, report: &corroborate::Report) -> PyResult<Bound<'py, PyAny>> {
    Ok(pythonize::pythonize(py, report)?)
}

/// Builds a corpus of `articles` and reconciles it, without the GIL.
fn run(
    py: Python<'_>,
    articles: &Bound<'_, PyAny>,
    config: Option<&Bound<'_, PyAny>>,
    errors: &str,
) -> PyResult<corroborate::Report> {
    let mode = on_error(errors)?;
    let config = extract_config(py, config)?;
    let articles = extract_articles(articles)?;
    let result = py.allow_threads(move || {
        let mut corpus = corroborate::Corpus::with_config(config)?;
        add_all(&mut corpus, articles, mode)?;
        Ok::<_, Error>(corpus.reconcile())
    });
    result.map_err(|e| to_py_err(py, &e))
}

/// reconcile(articles, config=None, *, errors="raise")
/// --
///
/// Reconciles `articles` and returns the report as Python objects: the same content as
/// `corroborate --format json` (report format 1.1).
#[pyfunction]
#[pyo3(signature = (articles, config=None, *, errors="raise"))]
fn reconcile<'py>(
    py: Python<'py>,
    articles: &Bound<'py, PyAny>,
    config: Option<&Bound<'py, PyAny>>,
    errors: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let report = run(py, articles, config, errors)?;
    report_to_py(py, &report)
}

/// reconcile_json(articles, config=None, *, errors="raise")
/// --
///
/// Like `reconcile`, but returns the report as JSON text, byte for byte what
/// `corroborate --format json` writes (without its final newline).
#[pyfunction]
#[pyo3(signature = (articles, config=None, *, errors="raise"))]
fn reconcile_json(
    py: Python<'_>,
    articles: &Bound<'_, PyAny>,
    config: Option<&Bound<'_, PyAny>>,
    errors: &str,
) -> PyResult<String> {
    let report = run(py, articles, config, errors)?;
    Ok(py.allow_threads(move || report.to_json()))
}

/// compare(a, b, config=None)
/// --
///
/// How two sentences relate, judged on their own: a dict with `relation`
/// (`agreement`, `contradiction`, `partial`, `unrelated`), `confidence`, `reasons`,
/// `explanation`.
#[pyfunction]
#[pyo3(signature = (a, b, config=None))]
fn compare<'py>(
    py: Python<'py>,
    a: String,
    b: String,
    config: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let config = extract_config(py, config)?;
    let c = py.allow_threads(move || api::compare(&a, &b, &config));
    Ok(pythonize::pythonize(py, &c)?)
}

/// cluster_names(names, config=None)
/// --
///
/// Groups names that are spellings of one referent: a list of lists of the given names,
/// each name exactly once.
#[pyfunction]
#[pyo3(signature = (names, config=None))]
fn cluster_names(
    py: Python<'_>,
    names: Vec<String>,
    config: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Vec<String>>> {
    let config = extract_config(py, config)?;
    Ok(py.allow_threads(move || {
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        api::cluster_names(&refs, &config)
            .into_iter()
            .map(|g| g.into_iter().map(|i| names[i].clone()).collect())
            .collect()
    }))
}

/// garble_score(sentence, config=None)
/// --
///
/// One sentence judged alone as a garbled machine translation: a dict with `score` in
/// [0, 1], `flagged`, `reasons` and `notes`.
#[pyfunction]
#[pyo3(signature = (sentence, config=None))]
fn garble_score<'py>(
    py: Python<'py>,
    sentence: String,
    config: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let config = extract_config(py, config)?;
    let g = py.allow_threads(move || api::garble_score(&sentence, &config));
    Ok(pythonize::pythonize(py, &g)?)
}

/// profile(id, text, published=None, config=None)
/// --
///
/// One article read without reconciling it (ingest and names only): a dict with
/// `published` (the given date or the dateline's), `title`, and `names` (each `name`, `kind`
/// and a phonetic `key` of its last word, equal across transliterations). A cheap first pass
/// to block a large collection before reconciling each block.
#[pyfunction]
#[pyo3(signature = (id, text, published=None, config=None))]
fn profile<'py>(
    py: Python<'py>,
    id: String,
    text: &Bound<'py, PyAny>,
    published: Option<&Bound<'py, PyAny>>,
    config: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let config = extract_config(py, config)?;
    let text = match extract_text(0, &id, text)? {
        Text::Str(s) => s,
        Text::Bytes(b) => String::from_utf8(b).map_err(|e| {
            to_py_err(
                py,
                &Error::InvalidUtf8 {
                    id: id.clone(),
                    offset: e.utf8_error().valid_up_to(),
                },
            )
        })?,
    };
    let published = match published {
        Some(p) => extract_published(0, &id, p)?,
        None => None,
    };
    let result = py.allow_threads(move || {
        let date = match published {
            None => None,
            Some(p) => Some(api::parse_published(&p).ok_or_else(|| Error::BadDate {
                id: id.clone(),
                value: p,
            })?),
        };
        api::profile(&id, &text, date, &config)
    });
    let p = result.map_err(|e| to_py_err(py, &e))?;
    Ok(pythonize::pythonize(py, &p)?)
}

/// settings()
/// --
///
/// Every setting a `config` dict may set: a list of dicts with `name`, `default`, `range`
/// and `doc`.
#[pyfunction]
fn settings(py: Python<'_>) -> PyResult<Bound<'_, PyList>> {
    let rows = corroborate::settings::SETTINGS.iter().map(|s| {
        let d = PyDict::new(py);
        d.set_item("name", s.name)?;
        d.set_item("default", s.default_value().to_string())?;
        d.set_item("range", s.range.to_string())?;
        d.set_item("doc", s.doc)?;
        Ok::<_, PyErr>(d)
    });
    PyList::new(py, rows.collect::<PyResult<Vec<_>>>()?)
}

/// Corpus(config=None)
/// --
///
/// A set of articles for incremental use: `add`, `add_many`, then `reconcile` (again after
/// adding more: only the events the new articles change are realigned). Safe to share
/// between threads; every method releases the GIL while it works.
#[pyclass(frozen, module = "corroborate")]
struct Corpus {
    inner: RwLock<corroborate::Corpus>,
}

fn poisoned<T>(_: T) -> PyErr {
    PyRuntimeError::new_err("a previous call on this Corpus panicked")
}

#[pymethods]
impl Corpus {
    #[new]
    #[pyo3(signature = (config=None))]
    fn new(py: Python<'_>, config: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        let config = extract_config(py, config)?;
        let inner = corroborate::Corpus::with_config(config).map_err(|e| to_py_err(py, &e))?;
        Ok(Corpus {
            inner: RwLock::new(inner),
        })
    }

    /// add(id, text, published=None)
    /// --
    ///
    /// Adds one article (text as str or bytes); returns its index. Raises DocumentError
    /// (with `document_id`) when it is refused.
    #[pyo3(signature = (id, text, published=None))]
    fn add(
        &self,
        py: Python<'_>,
        id: String,
        text: &Bound<'_, PyAny>,
        published: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<usize> {
        let article = Article {
            text: extract_text(0, &id, text)?,
            published: match published {
                Some(p) => extract_published(0, &id, p)?,
                None => None,
            },
            id,
        };
        let result = py.allow_threads(|| {
            let mut corpus = self.inner.write().map_err(poisoned)?;
            Ok::<_, PyErr>(article.add_to(&mut corpus))
        })?;
        result.map_err(|e| to_py_err(py, &e))
    }

    /// add_many(articles, *, errors="raise")
    /// --
    ///
    /// Adds articles (dicts or (id, text) tuples) in order; returns their indexes. With
    /// `errors="raise"` the first refused article raises DocumentError (the ones before it
    /// stay added); with `errors="refuse"` it is listed in the report's `refused` and its
    /// index is None.
    #[pyo3(signature = (articles, *, errors="raise"))]
    fn add_many(
        &self,
        py: Python<'_>,
        articles: &Bound<'_, PyAny>,
        errors: &str,
    ) -> PyResult<Vec<Option<usize>>> {
        let mode = on_error(errors)?;
        let articles = extract_articles(articles)?;
        let result = py.allow_threads(|| {
            let mut corpus = self.inner.write().map_err(poisoned)?;
            Ok::<_, PyErr>(add_all(&mut corpus, articles, mode))
        })?;
        result.map_err(|e| to_py_err(py, &e))
    }

    /// reconcile()
    /// --
    ///
    /// The report of every article added so far, as Python objects (as `corroborate.reconcile`).
    fn reconcile<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let report = py.allow_threads(|| {
            let corpus = self.inner.read().map_err(poisoned)?;
            Ok::<_, PyErr>(corpus.reconcile())
        })?;
        report_to_py(py, &report)
    }

    /// reconcile_json()
    /// --
    ///
    /// The report as JSON text (as `corroborate.reconcile_json`).
    fn reconcile_json(&self, py: Python<'_>) -> PyResult<String> {
        py.allow_threads(|| {
            let corpus = self.inner.read().map_err(poisoned)?;
            Ok(corpus.reconcile().to_json())
        })
    }

    /// ids()
    /// --
    ///
    /// The ids of the articles added, in order.
    fn ids(&self) -> PyResult<Vec<String>> {
        let corpus = self.inner.read().map_err(poisoned)?;
        Ok(corpus.documents().iter().map(|d| d.id.clone()).collect())
    }

    fn __len__(&self) -> PyResult<usize> {
        Ok(self.inner.read().map_err(poisoned)?.documents().len())
    }

    fn __repr__(&self) -> PyResult<String> {
        Ok(format!(
            "<corroborate.Corpus of {} articles>",
            self.__len__()?
        ))
    }
}

/// The compiled part of the `corroborate` package (import `corroborate`).
#[pymodule]
fn _corroborate(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_function(wrap_pyfunction!(reconcile, m)?)?;
    m.add_function(wrap_pyfunction!(reconcile_json, m)?)?;
    m.add_function(wrap_pyfunction!(compare, m)?)?;
    m.add_function(wrap_pyfunction!(cluster_names, m)?)?;
    m.add_function(wrap_pyfunction!(garble_score, m)?)?;
    m.add_function(wrap_pyfunction!(settings, m)?)?;
    m.add_function(wrap_pyfunction!(profile, m)?)?;
    m.add_class::<Corpus>()?;
    m.add("CorroborateError", py.get_type::<CorroborateError>())?;
    m.add("DocumentError", py.get_type::<DocumentError>())?;
    m.add("ConfigError", py.get_type::<ConfigError>())?;
    m.add("REPORT_VERSION", corroborate::report::REPORT_VERSION)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
