//! The world's countries and cities with their other names (GeoNames, CC BY 4.0; built by
//! `tools/build_gazetteer.py`, see `src/data/names/NOTICE.md`): a name found here is a
//! place, and its forms are one place (Kharkov / Kharkiv / Харьков, Peking / Beijing,
//! USA / U.S. / United States).

use super::keys::name_key;
use crate::hash::HashMap;
use std::sync::OnceLock;

const GAZETTEER: &str = include_str!("../data/names/gazetteer.tsv");

/// How strong a prior a place name is: a country's name is nearly always the country, a
/// small town's name is often something else as well.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PlaceClass {
    /// A country.
    Country,
    /// A city of a million people or more.
    BigCity,
    /// A city of 100,000 or more.
    City,
    /// A town of 15,000 or more.
    Town,
}

impl PlaceClass {
    /// Place evidence that the name alone gives.
    pub fn cue(self) -> f64 {
        match self {
            PlaceClass::Country => 3.0,
            PlaceClass::BigCity => 2.0,
            PlaceClass::City => 1.5,
            PlaceClass::Town => 1.0,
        }
    }
}

/// One place: its GeoNames name (folded) and class.
#[derive(Debug, Clone)]
pub struct Place {
    /// The folded name ([`name_key`]) all forms map to.
    pub key: String,
    /// Country, city or town.
    pub class: PlaceClass,
}

/// Folded name or form → index of its place.
#[derive(Debug, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    index: HashMap<String, u32>,
}

impl Gazetteer {
    /// The built-in gazetteer, parsed once.
    pub fn builtin() -> &'static Gazetteer {
        static CELL: OnceLock<Gazetteer> = OnceLock::new();
        CELL.get_or_init(|| Gazetteer::parse(GAZETTEER))
    }

    /// Parses `NAME<TAB>CLASS<TAB>FORM|FORM...` lines (`#` comments); the first place to
    /// claim a folded form keeps it.
    pub fn parse(text: &str) -> Gazetteer {
        let mut g = Gazetteer::default();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let mut f = line.split('\t');
            let (Some(name), Some(class)) = (f.next(), f.next()) else {
                continue;
            };
            let class = match class {
                "country" => PlaceClass::Country,
                "city1" => PlaceClass::BigCity,
                "city2" => PlaceClass::City,
                _ => PlaceClass::Town,
            };
            let key = name_key(name);
            if key.is_empty() || g.index.contains_key(&key) {
                continue;
            }
            let id = g.places.len() as u32;
            g.index.insert(key.clone(), id);
            for form in f.next().unwrap_or("").split('|') {
                let k = name_key(form);
                if !k.is_empty() {
                    g.index.entry(k).or_insert(id);
                }
            }
            g.places.push(Place { key, class });
        }
        g
    }

    /// The place a folded name is a name or form of.
    pub fn place(&self, key: &str) -> Option<&Place> {
        self.index.get(key).map(|&i| &self.places[i as usize])
    }

    /// Number of places.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.places.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_meet_at_one_place() {
        let g = Gazetteer::builtin();
        assert!(g.len() > 30_000);
        let key = |s: &str| g.place(&name_key(s)).map(|p| p.key.as_str());
        assert_eq!(key("Kharkov"), Some("kharkiv"));
        assert_eq!(key("Харьков"), Some("kharkiv"));
        assert_eq!(key("Kiev"), Some("kyiv"));
        assert_eq!(key("Bombay"), Some("mumbai"));
        assert_eq!(key("USA"), Some("united states"));
        assert_eq!(key("U.S."), Some("united states"));
        assert_eq!(key("Moscow"), Some("moscow"));
        assert_eq!(
            g.place("moscow").map(|p| p.class),
            Some(PlaceClass::BigCity)
        );
        assert_eq!(key("Hog Heaven"), None);
        assert_eq!(key("Zorivka"), None);
    }
}
