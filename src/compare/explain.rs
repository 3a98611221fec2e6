//! One-sentence explanations that name the conflicting words.

/// Quotes a piece of text for an explanation (single quotes, whitespace collapsed, long text
/// shortened on a char boundary).
pub fn q(text: &str) -> String {
    const MAX_CHARS: usize = 80;
    let mut out = String::with_capacity(text.len().min(4 * MAX_CHARS) + 5);
    out.push('\'');
    let mut n = 0;
    'words: for (k, w) in text.split_whitespace().enumerate() {
        for c in (k > 0).then_some(' ').into_iter().chain(w.chars()) {
            if n == MAX_CHARS {
                out.push('…');
                break 'words;
            }
            out.push(c);
            n += 1;
        }
    }
    out.push('\'');
    out
}

/// `NAME is 'ROLE A' in A but 'ROLE B' in B`.
pub fn role(name: &str, ra: &str, la: &str, rb: &str, lb: &str) -> String {
    format!("{name} is {} in {la} but {} in {lb}", q(ra), q(rb))
}

/// `'X' in A negates what B states with 'Y'`.
pub fn negation(neg: &str, ln: &str, pos: &str, lp: &str) -> String {
    if pos.is_empty() {
        format!("{} in {ln} negates the claim that {lp} states", q(neg))
    } else {
        format!("{} in {ln} negates {} in {lp}", q(neg), q(pos))
    }
}

/// `'X' in A is the opposite of 'Y' in B`.
pub fn antonym(wa: &str, la: &str, wb: &str, lb: &str) -> String {
    format!("{} in {la} is the opposite of {} in {lb}", q(wa), q(wb))
}

/// `A is about 'X' but B about 'Y'`: two subjects, so two claims.
pub fn subjects(wa: &str, la: &str, wb: &str, lb: &str) -> String {
    format!(
        "{la} is about {} but {lb} about {}: two claims",
        q(wa),
        q(wb)
    )
}

/// `A gives 'X' but B gives 'Y' for the same count`.
pub fn number(na: &str, la: &str, nb: &str, lb: &str) -> String {
    format!(
        "{la} gives {} but {lb} gives {} for the same count",
        q(na),
        q(nb)
    )
}

/// `'X' in A is a time offset but 'Y' in B is a duration`.
pub fn offset_duration(off: &str, lo: &str, dur: &str, ld: &str) -> String {
    format!(
        "{} in {lo} places the event in time but {} in {ld} is a duration of the same length",
        q(off),
        q(dur)
    )
}

/// `A dates it 'X' but B 'Y'`.
pub fn date(da: &str, la: &str, db: &str, lb: &str) -> String {
    format!("{la} dates the same claim {} but {lb} {}", q(da), q(db))
}

/// `'X' in A says it happened but 'Y' in B says it has not happened yet`.
pub fn modality_done_vs_need(done: &str, ld: &str, need: &str, ln: &str) -> String {
    format!(
        "{} in {ld} says it has happened but {} in {ln} says it still has to happen",
        q(done),
        q(need)
    )
}

/// `'X' in A asserts what 'Y' in B only presents as possible or planned`.
pub fn modality_hedge(plain: &str, lp: &str, hedged: &str, lh: &str) -> String {
    format!(
        "{} in {lp} asserts what {} in {lh} only presents as possible, planned or wanted",
        q(plain),
        q(hedged)
    )
}

/// `the 'ROLE' is 'X' in A but 'Y' in B`.
pub fn entity(role: &str, xa: &str, la: &str, xb: &str, lb: &str) -> String {
    format!("the {} is {} in {la} but {} in {lb}", q(role), q(xa), q(xb))
}

/// `'X' in B is only possible, planned or wanted, which A does not say`.
pub fn modality_only(hedged: &str, lh: &str, lp: &str) -> String {
    format!(
        "{} in {lh} is only possible, planned or wanted, which {lp} does not say",
        q(hedged)
    )
}

#[cfg(test)]
mod tests {
    use super::q;

    #[test]
    fn quotes_collapse_whitespace_and_shorten() {
        assert_eq!(q("  two\n words "), "'two words'");
        assert_eq!(q(""), "''");
        let long = "é".repeat(81);
        assert_eq!(q(&long), format!("'{}…'", "é".repeat(80)));
        assert_eq!(q(&"x".repeat(80)), format!("'{}'", "x".repeat(80)));
    }
}
