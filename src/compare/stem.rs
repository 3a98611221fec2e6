//! A light English stemmer: enough to match 'peeled' / 'peeling' / 'peels', 'running' /
//! 'run', 'agreed' / 'agree'. Input is a folded word; the output is a key, not a word.

/// Irregular forms that suffix rules cannot reach.
const IRREGULAR: &[(&str, &str)] = &[
    ("ate", "eat"),
    ("beaten", "beat"),
    ("began", "begin"),
    ("begun", "begin"),
    ("bit", "bite"),
    ("bitten", "bite"),
    ("blew", "blow"),
    ("blown", "blow"),
    ("bought", "buy"),
    ("broke", "break"),
    ("broken", "break"),
    ("brought", "bring"),
    ("came", "come"),
    ("caught", "catch"),
    ("children", "child"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("cut", "cut"),
    ("dealt", "deal"),
    ("did", "do"),
    ("done", "do"),
    ("drank", "drink"),
    ("drawn", "draw"),
    ("drew", "draw"),
    ("driven", "drive"),
    ("drove", "drive"),
    ("dug", "dig"),
    ("eaten", "eat"),
    ("fallen", "fall"),
    ("fell", "fall"),
    ("felt", "feel"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("fought", "fight"),
    ("found", "find"),
    ("gave", "give"),
    ("given", "give"),
    ("gone", "go"),
    ("grew", "grow"),
    ("grown", "grow"),
    ("heard", "hear"),
    ("held", "hold"),
    ("hid", "hide"),
    ("hidden", "hide"),
    ("hit", "hit"),
    ("hung", "hang"),
    ("kept", "keep"),
    ("knew", "know"),
    ("known", "know"),
    ("lain", "lie"),
    ("lay", "lie"),
    ("leapt", "leap"),
    ("led", "lead"),
    ("left", "leave"),
    ("lost", "lose"),
    ("lying", "lie"),
    ("made", "make"),
    ("meant", "mean"),
    ("men", "man"),
    ("met", "meet"),
    ("mice", "mouse"),
    ("paid", "pay"),
    ("people", "person"),
    ("put", "put"),
    ("ran", "run"),
    ("rang", "ring"),
    ("ridden", "ride"),
    ("rode", "ride"),
    ("said", "say"),
    ("sang", "sing"),
    ("sat", "sit"),
    ("saw", "see"),
    ("seen", "see"),
    ("sent", "send"),
    ("shot", "shoot"),
    ("shut", "shut"),
    ("slept", "sleep"),
    ("slid", "slide"),
    ("sold", "sell"),
    ("sought", "seek"),
    ("spent", "spend"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("stood", "stand"),
    ("struck", "strike"),
    ("sung", "sing"),
    ("swam", "swim"),
    ("swept", "sweep"),
    ("swum", "swim"),
    ("taken", "take"),
    ("taught", "teach"),
    ("thought", "think"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("told", "tell"),
    ("took", "take"),
    ("understood", "understand"),
    ("went", "go"),
    ("wept", "weep"),
    ("withdrawn", "withdraw"),
    ("withdrew", "withdraw"),
    ("women", "woman"),
    ("won", "win"),
    ("wore", "wear"),
    ("worn", "wear"),
    ("written", "write"),
    ("wrote", "write"),
];

/// Words left as they are.
const KEEP: &[&str] = &[
    "as", "has", "is", "news", "this", "thus", "us", "was", "yes", "bus", "gas", "kursk",
];

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// The stem of a folded word.
pub fn stem(word: &str) -> String {
    let w = word
        .trim_end_matches("'s")
        .trim_end_matches('\'')
        .trim_matches(|c: char| !c.is_alphanumeric());
    if let Ok(i) = IRREGULAR.binary_search_by(|(k, _)| k.cmp(&w)) {
        return finish(IRREGULAR[i].1);
    }
    if w.len() <= 3 || KEEP.contains(&w) || !w.is_ascii() {
        return w.to_string();
    }
    let mut s = w.to_string();
    if let Some(x) = s.strip_suffix("ies") {
        s = format!("{x}y");
    } else if s.ends_with("sses")
        || s.ends_with("ches")
        || s.ends_with("shes")
        || s.ends_with("xes")
    {
        s.truncate(s.len() - 2);
    } else if s.ends_with('s') && !s.ends_with("ss") && !s.ends_with("us") && !s.ends_with("is") {
        s.pop();
    }
    for suf in ["ingly", "edly", "ing", "ed"] {
        if let Some(x) = s.strip_suffix(suf) {
            if x.len() >= 3 && x.bytes().any(is_vowel) {
                s = undouble(x);
                break;
            }
        }
    }
    if let Some(x) = s.strip_suffix("ly") {
        if x.len() >= 4 {
            s = x.to_string();
        }
    }
    finish(&s)
}

/// Undoes the doubled final consonant of a suffixed word ('running' → 'run'). English
/// doubles it only after one stressed vowel that follows a consonant ('r-u-n', 'st-o-p');
/// a base that itself ends in two ('add', 'egg', 'err') keeps them ('adding' → 'add').
fn undouble(x: &str) -> String {
    let b = x.as_bytes();
    let n = b.len();
    let short_vowel = n >= 4 && is_vowel(b[n - 3]) && !is_vowel(b[n - 4]);
    if n >= 2
        && b[n - 1] == b[n - 2]
        && !is_vowel(b[n - 1])
        && !matches!(b[n - 1], b'l' | b's' | b'z')
        && short_vowel
    {
        return x[..n - 1].to_string();
    }
    x.to_string()
}

fn finish(s: &str) -> String {
    let t = s.trim_end_matches('e');
    let s = if t.len() >= 3 { t } else { s };
    match s.strip_suffix('i') {
        Some(x) if x.len() >= 3 => format!("{x}y"),
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn irregular_sorted() {
        let mut v = IRREGULAR.to_vec();
        v.sort();
        assert_eq!(v, IRREGULAR);
    }

    #[test]
    fn inflections_meet() {
        for (a, b) in [
            ("peeled", "peeling"),
            ("peels", "peel"),
            ("running", "run"),
            ("sitting", "sits"),
            ("making", "make"),
            ("agreed", "agree"),
            ("rides", "riding"),
            ("dancing", "dance"),
            ("convinced", "convince"),
            ("studies", "study"),
            ("happily", "happy"),
            ("withdrew", "withdraw"),
            ("men", "man"),
            ("adding", "add"),
            ("stopped", "stop"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} {b}");
        }
        assert_eq!(stem("news"), "news");
        assert_eq!(stem("russia's"), "russia");
    }
}
