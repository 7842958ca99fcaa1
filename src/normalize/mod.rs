//! Normalization of the three identity-bearing fields, and of unit names.
pub mod id;
pub mod name;
pub mod relation;
pub mod unit;

/// The string type of normalized fields: stored inline up to 24 bytes, so an
/// ID or a name costs no heap allocation.
pub type Text = compact_str::CompactString;

/// The text with what its brackets hold (notes, dates: `母亲刘桂兰（已故）`,
/// `第五届（2021.06-2026.06）`) turned into one space each, the brackets too.
pub fn outside_brackets(s: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '（' | '(' => {
                depth += 1;
                out.push(' ');
            }
            '）' | ')' => {
                depth = depth.saturating_sub(1);
                out.push(' ');
            }
            _ if depth > 0 => {}
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn outside_brackets_drops_notes_and_dates() {
        assert_eq!(super::outside_brackets("母亲刘桂兰（已故）"), "母亲刘桂兰  ");
        assert_eq!(super::outside_brackets("第五届(2021.06-2026.06)"), "第五届  ");
        assert_eq!(super::outside_brackets("无括号"), "无括号");
    }
}
