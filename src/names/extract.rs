//! Mention extraction.
