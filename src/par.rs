//! Order-preserving parallel map: on the rayon pool with the `parallel` feature, a plain
//! loop without it. Results come back in input order either way, so output never depends on
//! the feature.

/// `items.iter().map(f).collect()`, in parallel with the `parallel` feature.
pub fn map<'a, T, R, F>(items: &'a [T], f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&'a T) -> R + Sync + Send,
{
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        items.par_iter().map(f).collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        items.iter().map(f).collect()
    }
}

/// Calls `f(index, item)` on every item of `items` (in parallel with the `parallel`
/// feature); each call may change only its own item.
pub fn for_each_mut<T, F>(items: &mut [T], f: F)
where
    T: Send,
    F: Fn(usize, &mut T) + Sync + Send,
{
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        items.par_iter_mut().enumerate().for_each(|(i, x)| f(i, x));
    }
    #[cfg(not(feature = "parallel"))]
    items.iter_mut().enumerate().for_each(|(i, x)| f(i, x));
}
