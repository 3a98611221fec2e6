//! The hash maps of the hot loops: the standard maps with `foldhash`, a fast hasher seeded per
//! process. No output may depend on their iteration order (reports are byte-identical across
//! runs and builds); use `BTreeMap` where order matters.

/// A `HashMap` with the fast hasher; build with `HashMap::default()`.
pub type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
/// A `HashSet` with the fast hasher; build with `HashSet::default()`.
pub type HashSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;
