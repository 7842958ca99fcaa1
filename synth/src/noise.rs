//! Roll noise: how a person's name and ID end up written in a roll slot.

use super::names::*;
use super::people::{legacy15, surname_of, Person};
use super::rng::Rng;

/// What the slot's ID cell holds.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum IdCell {
    Text(String),
    Missing,
}

#[derive(Clone, Debug)]
pub(crate) struct SlotText {
    pub name: String,
    pub id: IdCell,
    pub id_noise: &'static str,
    pub name_noise: &'static str,
}

fn fullwidth(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' | 'X' | 'x' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

fn typo(rng: &mut Rng, id: &str) -> String {
    let mut b: Vec<u8> = id.as_bytes().to_vec();
    let i = rng.range(6, 16) as usize;
    let old = b[i];
    let mut d = b'0' + rng.below(10) as u8;
    if d == old {
        d = b'0' + ((old - b'0' + 1 + rng.below(9) as u8) % 10);
    }
    b[i] = d;
    String::from_utf8(b).unwrap_or_else(|_| id.to_string())
}

fn transpose(rng: &mut Rng, id: &str) -> Option<String> {
    let b = id.as_bytes();
    let cands: Vec<usize> = (0..16).filter(|&i| b[i] != b[i + 1]).collect();
    if cands.is_empty() {
        return None;
    }
    let i = *rng.pick(&cands);
    let mut v = b.to_vec();
    v.swap(i, i + 1);
    String::from_utf8(v).ok()
}

fn spaced(rng: &mut Rng, id: &str) -> String {
    if rng.chance(0.5) {
        format!("{} {} {}", &id[..6], &id[6..14], &id[14..])
    } else {
        let i = rng.range(3, 15) as usize;
        format!("{} {}", &id[..i], &id[i..])
    }
}

fn noisy_id(rng: &mut Rng, p: &Person) -> (IdCell, &'static str) {
    let id = p.id.as_str();
    let r = rng.f64();
    let mut acc = 0.0;
    let mut next = |w: f64| {
        acc += w;
        r < acc
    };
    if next(0.015) {
        return (IdCell::Missing, "missing");
    }
    if next(0.015) {
        return (IdCell::Text(typo(rng, id)), "typo");
    }
    if next(0.01) {
        if let Some(t) = transpose(rng, id) {
            return (IdCell::Text(t), "transposition");
        }
        return (IdCell::Text(id.to_string()), "clean");
    }
    if next(0.02) {
        if p.birth.0 < 2000 {
            return (IdCell::Text(legacy15(id)), "legacy15");
        }
        return (IdCell::Text(id.to_string()), "clean");
    }
    if next(0.02) {
        return (IdCell::Text(fullwidth(id)), "fullwidth");
    }
    if next(0.03) {
        return (IdCell::Text(spaced(rng, id)), "spaces");
    }
    if next(0.02) {
        return (IdCell::Text(format!("'{id}")), "apostrophe");
    }
    if id.ends_with('X') && rng.chance(0.4) {
        return (IdCell::Text(id.replace('X', "x")), "lower_x");
    }
    (IdCell::Text(id.to_string()), "clean")
}

pub(crate) fn space_name(rng: &mut Rng, name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    if chars.len() < 2 {
        return format!("{name} ");
    }
    let sur = surname_of(name).chars().count().clamp(1, chars.len() - 1);
    let at = if chars.len() > 2 && rng.chance(0.3) { rng.range(1, chars.len() as i64 - 1) as usize } else { sur };
    let sep = *rng.pick(&[" ", " ", "  ", "\u{3000}"]);
    let mut s: String = chars[..at].iter().collect();
    s.push_str(sep);
    s.extend(chars[at..].iter());
    s
}

fn traditional(name: &str) -> Option<String> {
    let t: String = name.chars().map(|c| TRAD.iter().find(|p| p.0 == c).map_or(c, |p| p.1)).collect();
    (t != name).then_some(t)
}

fn homophone(rng: &mut Rng, name: &str) -> Option<String> {
    let sur_len = surname_of(name).chars().count().max(1);
    let chars: Vec<char> = name.chars().collect();
    let cands: Vec<usize> = (sur_len..chars.len()).filter(|&i| HOMOPHONES.iter().any(|h| h.0 == chars[i])).collect();
    if cands.is_empty() || name.contains('·') {
        return None;
    }
    let i = *rng.pick(&cands);
    let mut v = chars;
    v[i] = HOMOPHONES.iter().find(|h| h.0 == v[i]).map_or(v[i], |h| h.1);
    Some(v.into_iter().collect())
}

fn variant(name: &str) -> Option<String> {
    VARIANT_SURNAMES.iter().find(|v| name.starts_with(v.0)).map(|v| format!("{}{}", v.1, &name[v.0.len()..]))
}

/// The slot's written name and ID. `force_missing`: the weak-lead case
/// (no ID on either side, clean name).
pub(crate) fn slot_text(rng: &mut Rng, p: &Person, force_missing: bool) -> SlotText {
    if force_missing {
        return SlotText { name: p.name.clone(), id: IdCell::Missing, id_noise: "missing", name_noise: "clean" };
    }
    let (id, id_noise) = noisy_id(rng, p);
    let r = rng.f64();
    let (mut name, mut name_noise) = (p.name.clone(), "clean");
    let var = variant(&p.name);
    if var.is_some() && rng.chance(0.3) {
        name = var.unwrap_or_default();
        name_noise = "variant";
    } else if r < 0.04 {
        name = space_name(rng, &p.name);
        name_noise = "space";
    } else if r < 0.07 {
        if let Some(t) = traditional(&p.name) {
            name = t;
            name_noise = "traditional";
        }
    } else if r < 0.085 {
        if !matches!(id_noise, "typo" | "transposition")
            && let Some(h) = homophone(rng, &p.name)
        {
            name = h;
            name_noise = "homophone";
        }
    } else if r < 0.105 {
        name = format!("{}{}", p.name, rng.pick(NAME_NOTES));
        name_noise = "note";
    }
    SlotText { name, id, id_noise, name_noise }
}
