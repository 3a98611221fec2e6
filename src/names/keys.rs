//! Name keys: Unicode folding, Cyrillic-to-Latin transliteration, a phonetic spelling that
//! makes transliteration variants (Witkoff / Witkov, Kharkov / Charkow, Gennadiy / Gennadij)
//! close, and a coarse consonant skeleton used to block candidate pairs.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Latin letters for one Cyrillic letter (Russian and Ukrainian, a BGN/PCGN-like scheme);
/// `None` for characters that are not Cyrillic.
fn cyrillic(c: char) -> Option<&'static str> {
    let lower = c.to_lowercase().next().unwrap_or(c);
    Some(match lower {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'ґ' => "g",
        'д' => "d",
        'е' => "e",
        'ё' => "yo",
        'є' => "ye",
        'ж' => "zh",
        'з' => "z",
        'и' => "i",
        'і' => "i",
        'ї' => "yi",
        'й' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'э' => "e",
        'ю' => "yu",
        'я' => "ya",
        'ў' => "w",
        _ => return None,
    })
}

/// Latin letters whose diacritic changes the sound in a way folding would lose, or letters
/// that NFKD does not decompose.
fn special_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'š' | 'Š' => "sh",
        'ž' | 'Ž' => "zh",
        'č' | 'Č' => "ch",
        'ř' | 'Ř' => "rzh",
        'ł' | 'Ł' => "l",
        'ø' | 'Ø' => "o",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'ß' => "ss",
        'đ' | 'Đ' => "d",
        'ð' | 'Ð' => "d",
        'þ' | 'Þ' => "th",
        'ı' => "i",
        'ŀ' => "l",
        _ => return None,
    })
}

/// The dots between the single letters of an initialism dropped ('U.S.' → 'US.', 'U.S.A'
/// → 'USA'); initials followed by a space stay apart ('W. Mark Felt').
fn undot_initialisms(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('.') {
        return s.into();
    }
    let c: Vec<char> = s.chars().collect();
    let letter = |i: Option<usize>| i.and_then(|i| c.get(i)).is_some_and(|c| c.is_alphabetic());
    let mut out = String::with_capacity(s.len());
    for (i, &ch) in c.iter().enumerate() {
        let inner = ch == '.'
            && letter(i.checked_sub(1))
            && !letter(i.checked_sub(2))
            && letter(Some(i + 1))
            && !letter(Some(i + 2));
        if !inner {
            out.push(ch);
        }
    }
    out.into()
}

/// Russian case endings folded off Cyrillic words so that the oblique forms of a name meet
/// its nominative: instrumental -ом/-ем/-ым/-им after a consonant (Уиткоффом → Уиткофф,
/// Путиным → Путин), and dative and prepositional -у/-е after the surname suffixes
/// -ов/-ев/-ин/-ын (Лаврову, Пескове → Лавров, Песков; the genitive -а is left alone, it is
/// also the feminine Захарова).
fn fold_cyrillic_cases(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(|c| cyrillic(c).is_some()) {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        out.push_str(strip_case(word));
        word.clear();
    };
    for c in s.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out.into()
}

/// One Cyrillic word without its case ending (see [`fold_cyrillic_cases`]).
fn strip_case(w: &str) -> &str {
    let chars: Vec<char> = w.chars().collect();
    if chars.len() < 5 || !chars.iter().all(|&c| cyrillic(c).is_some()) {
        return w;
    }
    let lower: String = w.to_lowercase();
    let consonant = |c: char| !"аеёиоуыэюяйьъ".contains(c);
    let cut = |n: usize| {
        let keep: usize = chars[..chars.len() - n].iter().map(|c| c.len_utf8()).sum();
        &w[..keep]
    };
    for end in ["ом", "ем", "ым", "им"] {
        if let Some(stem) = lower.strip_suffix(end) {
            if stem.chars().last().is_some_and(consonant) {
                return cut(2);
            }
        }
    }
    for end in ["у", "е"] {
        if let Some(stem) = lower.strip_suffix(end) {
            if ["ов", "ев", "ин", "ын"].iter().any(|s| stem.ends_with(s)) {
                return cut(end.chars().count());
            }
        }
    }
    w
}

/// Folds a name to lowercase ASCII letters: Cyrillic transliterated (case endings folded,
/// see `fold_cyrillic_cases`), diacritics and
/// invisible characters (zero-width space and joiner, soft hyphen) removed, the dots of an
/// initialism dropped ('U.S.' = 'US'), every run of other characters (spaces, hyphens,
/// other dots, digits) made one space.
/// Idempotent: `name_key(&name_key(s)) == name_key(s)`.
pub fn name_key(s: &str) -> String {
    let s = undot_initialisms(s);
    let s = fold_cyrillic_cases(&s);
    let mut latin = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        // Russian writes an English w- as у- before a vowel (Уиткофф = Witkoff,
        // Уильям = William).
        let initial_u = matches!(c, 'у' | 'У')
            && (i == 0 || !chars[i - 1].is_alphabetic())
            && chars
                .get(i + 1)
                .is_some_and(|&n| "аеиоэ".contains(n.to_lowercase().next().unwrap_or(n)));
        if initial_u {
            latin.push('w');
        } else if let Some(t) = cyrillic(c) {
            latin.push_str(t);
        } else if let Some(t) = special_latin(c) {
            latin.push_str(t);
        } else {
            latin.push(c);
        }
    }
    let mut out = String::with_capacity(latin.len());
    let mut space = false;
    for c in latin.nfkd() {
        if is_combining_mark(c) || crate::text::is_invisible(c) {
            continue;
        }
        // Apostrophes inside a name (O'Brien, d'Arc) are dropped without a break.
        if matches!(c, '\'' | '\u{2019}' | '\u{02BC}' | '`') {
            continue;
        }
        let lower = c.to_ascii_lowercase();
        if lower.is_ascii_lowercase() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(lower);
        } else {
            space = true;
        }
    }
    out
}

/// Phonetic symbols. Lowercase letters keep their plain value; uppercase letters stand for
/// sounds written in several ways: `S` sh (sh, sch, sz, š), `C` ch (ch, tsch, cz, č),
/// `Z` zh (zh, ž, rz), `J` j (j, dzh, dj, soft g), `Y` consonant y, `H` kh (kh, ch after
/// a vowel in German spellings), `Q` ts (ts, tz, soft c in Slavic spellings).
pub fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn is_vowel_letter(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// The phonetic spelling of one folded word (lowercase ASCII letters, see [`name_key`]).
/// Transliteration variants map to equal or near-equal strings: `witkoff` → `vitkov`,
/// `gennadiy` → `genadi`, `khausman` → `Hausman`, `wischnewski` → `viSnevski`.
pub fn phonetic(word: &str) -> Vec<u8> {
    let w: Vec<u8> = word.bytes().filter(|b| b.is_ascii_lowercase()).collect();
    let n = w.len();
    let at = |i: usize| -> u8 { w.get(i).copied().unwrap_or(0) };
    let starts =
        |i: usize, p: &str| -> bool { w.get(i..).is_some_and(|s| s.starts_with(p.as_bytes())) };
    let mut out: Vec<u8> = Vec::with_capacity(n + 2);
    let mut i = 0;
    while i < n {
        let c = at(i);
        let next = at(i + 1);
        let prev = if i > 0 { at(i - 1) } else { 0 };
        let (sym, adv): (&[u8], usize) = match c {
            b's' if starts(i, "shch") => (b"SC", 4),
            b's' if starts(i, "sch") => (b"S", 3),
            b's' if next == b'h' || next == b'z' => (b"S", 2),
            b't' if starts(i, "tsch") => (b"C", 4),
            b't' if starts(i, "tch") => (b"C", 3),
            b't' if next == b's' || next == b'z' => (b"Q", 2),
            b't' if next == b'h' => (b"t", 2),
            b'd' if starts(i, "dzh") => (b"J", 3),
            b'd' if next == b'j' => (b"J", 2),
            b'd' if next == b'g' && matches!(at(i + 2), b'e' | b'i' | b'y') => (b"J", 2),
            b'd' if next == b't' => (b"t", 2),
            b'c' if next == b'z' => (b"C", 2),
            b'c' if next == b'h' => {
                // German/Dutch 'ch' after a vowel is kh (Bach); elsewhere tsh or sh.
                if i > 0 && is_vowel_letter(prev) && !matches!(at(i + 2), b'e' | b'i') {
                    (b"H", 2)
                } else {
                    (b"C", 2)
                }
            }
            b'c' if next == b'k' || next == b'q' => (b"k", 2),
            b'c' if matches!(next, b'e' | b'i' | b'y') => (b"s", 1),
            b'c' => (b"k", 1),
            b'k' if next == b'h' => (b"H", 2),
            b'g' if next == b'h' => (b"g", 2),
            b'g' if next == b'i' && matches!(at(i + 2), b'a' | b'o' | b'u') => (b"J", 2),
            b'z' if next == b'h' => (b"Z", 2),
            b'r' if next == b'z' => (b"Z", 2),
            b'p' if next == b'h' => (b"f", 2),
            b'q' if next == b'u' => (b"k", 2),
            b'q' => (b"k", 1),
            b'x' => (b"ks", 1),
            b'w' => (b"v", 1),
            // Russian ё after a consonant: Artyom / Artem, Korolyov / Korolev.
            b'y' | b'j' if next == b'o' && i > 0 && !is_vowel_letter(prev) && prev != b'h' => {
                (b"e", 2)
            }
            b'j' => {
                if i == 0 {
                    (b"J", 1)
                } else if is_vowel_letter(next) {
                    (b"Y", 1)
                } else {
                    (b"i", 1)
                }
            }
            b'y' => {
                if is_vowel_letter(next) && (i == 0 || !matches!(prev, b'i' | b'y')) {
                    (b"Y", 1)
                } else {
                    (b"i", 1)
                }
            }
            b'h' => {
                // Kept only before a vowel at the start of a word or syllable.
                if is_vowel_letter(next) && (i == 0 || is_vowel_letter(prev)) {
                    (b"h", 1)
                } else {
                    (b"", 1)
                }
            }
            // Vowel groups.
            b'e' if next == b'a' && at(i + 2) == b'u' => (b"o", 3),
            b'a' if next == b'u' => (b"o", 2),
            b'o' if next == b'u' || next == b'o' || next == b'e' => (b"u", 2),
            b'e' if next == b'e' => (b"i", 2),
            b'e' if next == b'a' => (b"e", 2),
            // -ie is i, final too (Kellie / Kelly, Brie / Bree, Romanian Ghenadie).
            b'i' if next == b'e' => (b"i", 2),
            b'a' | b'e' if (next == b'i' || next == b'y') && !is_vowel_letter(at(i + 2)) => {
                (b"e", 2)
            }
            b'a' if next == b'e' => (b"e", 2),
            _ => {
                let s: &[u8] = match c {
                    b'a' => b"a",
                    b'b' => b"b",
                    b'd' => b"d",
                    b'e' => b"e",
                    b'f' => b"f",
                    b'g' => b"g",
                    b'i' => b"i",
                    b'k' => b"k",
                    b'l' => b"l",
                    b'm' => b"m",
                    b'n' => b"n",
                    b'o' => b"o",
                    b'p' => b"p",
                    b'r' => b"r",
                    b's' => b"s",
                    b't' => b"t",
                    b'u' => b"u",
                    b'v' => b"v",
                    b'z' => b"z",
                    _ => b"",
                };
                (s, 1)
            }
        };
        out.extend_from_slice(sym);
        i += adv;
    }
    // Final -ff / -f is the -ov of Russian surnames written the old way (Witkoff).
    if out.last() == Some(&b'f') {
        while out.last() == Some(&b'f') {
            out.pop();
        }
        out.push(b'v');
    }
    // Eastern Slavic adjective endings: -iy, -yy, -ij, -ii all become -i.
    while out.len() > 2 && out.ends_with(b"ii") {
        out.pop();
    }
    // Silent final e after a consonant (Jayne, Poole, Legere, Bourque): only a written final
    // e, not the e that a final -ey stands for (Bailey / Beyli, Marley / Marly).
    if out.len() > 3
        && w.last() == Some(&b'e')
        && out.last() == Some(&b'e')
        && !is_vowel(out[out.len() - 2])
        && out[out.len() - 2] != b'Y'
    {
        out.pop();
    }
    // 'iY' before a vowel is just 'i' (Antoniya / Antonija / Antonia).
    let mut cleaned: Vec<u8> = Vec::with_capacity(out.len());
    for (k, &c) in out.iter().enumerate() {
        if c == b'Y'
            && cleaned.last() == Some(&b'i')
            && out.get(k + 1).is_some_and(|&x| is_vowel(x))
        {
            continue;
        }
        // Doubled symbols collapse.
        if cleaned.last() == Some(&c) {
            continue;
        }
        cleaned.push(c);
    }
    cleaned
}

/// Coarse consonant class of a phonetic symbol for blocking (`None`: vowels and h, which
/// are left out of the skeleton).
fn class(c: u8) -> Option<u8> {
    Some(match c {
        b'b' | b'p' => b'p',
        b'd' | b't' => b't',
        b'g' | b'k' | b'H' => b'k',
        b'f' | b'v' => b'f',
        b's' | b'z' | b'S' | b'Z' | b'Q' | b'C' => b's',
        b'J' | b'Y' => b'j',
        b'm' | b'n' => b'n',
        b'l' => b'l',
        b'r' => b'r',
        _ => return None,
    })
}

/// The consonant skeleton of a phonetic spelling: consonant classes with vowels and h left
/// out and repeats collapsed. Used only to block candidate pairs.
pub fn skeleton(phon: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(phon.len());
    for &c in phon {
        if let Some(k) = class(c) {
            if out.last() != Some(&k) {
                out.push(k);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> String {
        String::from_utf8(phonetic(&name_key(s))).unwrap()
    }

    #[test]
    fn keys_fold_and_transliterate() {
        assert_eq!(name_key("Песков"), "peskov");
        assert_eq!(name_key("Vladimir V. Putin"), "vladimir v putin");
        assert_eq!(name_key("Władysław"), "wladyslaw");
        assert_eq!(name_key("O'Brien"), "obrien");
        assert_eq!(name_key("Pu\u{200B}tin"), "putin");
        assert_eq!(name_key("Уиткоффом"), "witkoff");
        assert_eq!(name_key("Путиным"), "putin");
        assert_eq!(name_key("Лаврову"), "lavrov");
        assert_eq!(name_key("Мария Захарова"), "mariya zakharova");
        assert_eq!(name_key("Шойгу"), "shoygu");
        assert_eq!(name_key("U.S."), "us");
        assert_eq!(name_key("U.S"), "us");
        assert_eq!(name_key("U.S.A."), "usa");
        assert_eq!(name_key("W. Mark Felt"), "w mark felt");
        assert_eq!(name_key("J.R.R. Tolkien"), "jrr tolkien");
        assert_eq!(name_key("Mos\u{00AD}cow"), "moscow");
        let k = name_key("Zelenskýy-Ёлкин");
        assert_eq!(name_key(&k), k);
    }

    #[test]
    fn phonetic_variants_meet() {
        assert_eq!(p("Witkoff"), p("Witkov"));
        assert_eq!(p("Gennadiy"), p("Gennadij"));
        assert_eq!(p("Gennady"), p("Gennadi"));
        assert_eq!(p("Khausman"), "Hosman");
        assert_eq!(p("Antonija"), p("Antoniya"));
        assert_eq!(p("Jayne"), p("Jain"));
        assert_eq!(p("Dzheyn"), p("Jain"));
        assert_eq!(p("Leavitt"), p("Levitt"));
        assert_eq!(p("Schuster"), p("Shuster"));
        // A final -ey is a vowel, not a silent e.
        assert_eq!(p("Bailey"), "bele");
        assert_eq!(p("Sergey"), p("Sergei"));
    }
}
