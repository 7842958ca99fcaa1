//! Reading dates and amounts the way departments type them.

use super::cell::{Cell, serial_to_ymd};

/// A date as `YYYY-MM-DD`, or `YYYY-MM` for a month (2024年10月). Text that is
/// not a date is kept as written (trimmed), so nothing is lost.
pub fn parse_date(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        // A serial out of Excel's range is kept as written, not blanked.
        Cell::Date(s) => ymd(serial_to_ymd(*s)).unwrap_or_else(|| super::cell::format_general(*s)),
        Cell::Number(f) => {
            let f = *f;
            let yyyymmdd = (19_000_101.0..=21_001_231.0).contains(&f);
            let yyyymm = (190_001.0..=210_012.0).contains(&f);
            if f.fract() == 0.0 && (yyyymmdd || yyyymm) {
                parse_date_text(&format!("{}", f as i64))
            } else if (1.0..80_000.0).contains(&f) {
                ymd(serial_to_ymd(f)).unwrap_or_else(|| cell.text())
            } else {
                cell.text()
            }
        }
        other => {
            let t = other.text();
            // An Excel serial written out as text (a CSV export: 45580).
            match t.trim().parse::<f64>() {
                Ok(f) if (20_000.0..80_000.0).contains(&f) => ymd(serial_to_ymd(f)).unwrap_or_else(|| parse_date_text(&t)),
                _ => parse_date_text(&t),
            }
        }
    }
}

/// A birth date as [`parse_date`] reads it, and also `1972.01` typed as a
/// number (year.month, which Excel would otherwise take for a day serial).
pub fn parse_birth(cell: &Cell) -> String {
    if let Cell::Number(f) = cell {
        let y = f.trunc();
        let m = ((f - y) * 100.0).round() as u32;
        if (1900.0..=2100.0).contains(&y) && f.fract() != 0.0 && (1..=12).contains(&m) {
            return format!("{:04}-{m:02}", y as i32);
        }
    }
    parse_date(cell)
}

/// A birth as `yyyymmdd` from what [`parse_date`] wrote (`YYYY-MM-DD`), or
/// `yyyymm00` when only the month is known (`YYYY-MM`); `None` for anything else.
pub fn birth_number(s: &str) -> Option<u32> {
    if !is_read_date(s) {
        return None;
    }
    let y: u32 = s.get(0..4)?.parse().ok()?;
    let m: u32 = s.get(5..7)?.parse().ok()?;
    let d: u32 = s.get(8..10).map(|d| d.parse().unwrap_or(0)).unwrap_or(0);
    Some(y * 10_000 + m * 100 + d)
}

/// Whether [`parse_date`] read a date (`YYYY-MM-DD` or `YYYY-MM`) rather than
/// keeping the text as written.
pub fn is_read_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    let shaped = (b.len() == 7 || b.len() == 10)
        && digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && (b.len() == 7 || (b.get(7) == Some(&b'-') && digits(8..10)));
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok()).unwrap_or(0);
    shaped && valid(num(0..4) as i32, num(5..7), if b.len() == 10 { num(8..10) } else { 1 })
}

fn ymd(d: Option<(i32, u32, u32)>) -> Option<String> {
    d.map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
}

fn valid(y: i32, m: u32, d: u32) -> bool {
    let dim = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => return false,
    };
    (1900..=2100).contains(&y) && d >= 1 && d <= dim
}

/// 2024-03-05, 2024/3/5, 2024.3.5, 20240305, 2024年3月5日, 2024年10月, 2024-10, 202410.
pub fn parse_date_text(s: &str) -> String {
    let t = s.trim();
    if t.is_empty() {
        return String::new();
    }
    let digits_only = t.chars().all(|c| c.is_ascii_digit());
    if digits_only && t.len() == 8 {
        let (y, m, d) = (t[..4].parse().unwrap_or(0), t[4..6].parse().unwrap_or(0), t[6..].parse().unwrap_or(0));
        if valid(y, m, d) {
            return format!("{y:04}-{m:02}-{d:02}");
        }
    }
    if digits_only && t.len() == 6 {
        let (y, m): (i32, u32) = (t[..4].parse().unwrap_or(0), t[4..].parse().unwrap_or(0));
        if valid(y, m, 1) {
            return format!("{y:04}-{m:02}");
        }
    }
    // Split on any non-digit and read up to three numbers.
    let nums: Vec<&str> = t.split(|c: char| !c.is_ascii_digit()).filter(|p| !p.is_empty()).collect();
    // Keep a time part out: "2024-03-05 00:00:00" has more numbers; use the first three.
    let looks_dated = t.contains('年') || t.contains('-') || t.contains('/') || t.contains('.');
    if looks_dated && (2..=6).contains(&nums.len()) && nums[0].len() == 4 {
        let y: i32 = nums[0].parse().unwrap_or(0);
        let m: u32 = nums[1].parse().unwrap_or(0);
        if nums.len() >= 3 && nums[2].len() <= 2 {
            let d: u32 = nums[2].parse().unwrap_or(0);
            if valid(y, m, d) {
                return format!("{y:04}-{m:02}-{d:02}");
            }
        } else if valid(y, m, 1) {
            return format!("{y:04}-{m:02}");
        }
    }
    t.to_string()
}

/// Value of one Chinese numeral digit (小写 and 大写).
fn cn_digit(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' | 'O' => 0,
        '一' | '壹' | '幺' => 1,
        '二' | '贰' | '貳' | '两' | '兩' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// An integer written in Chinese numerals (壹仟贰佰, 一万零五百, 十五), or None
/// when it is not one unambiguously.
fn cn_integer(s: &str) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    let (mut total, mut section, mut digit): (u64, u64, Option<u64>) = (0, 0, None);
    for c in s.chars() {
        if let Some(d) = cn_digit(c) {
            if digit.is_some_and(|prev| prev != 0) && d != 0 {
                return None; // 一二 is not a number here (零五 is)
            }
            digit = Some(d);
            continue;
        }
        let unit = match c {
            '十' | '拾' => 10,
            '百' | '佰' => 100,
            '千' | '仟' => 1_000,
            '万' | '萬' => 10_000,
            '亿' | '億' => 100_000_000,
            _ => return None,
        };
        if unit >= 10_000 {
            section += digit.take().unwrap_or(0);
            total = (total + section).checked_mul(unit)?;
            section = 0;
        } else {
            // 十五: a bare 十 is one ten.
            section += digit.take().unwrap_or(1) * unit;
        }
    }
    Some(total + section + digit.unwrap_or(0))
}

/// An amount in Chinese numerals with 元/圆, 角 and 分 (壹仟元整, 三百五十元五角).
fn cn_amount(s: &str) -> Option<f64> {
    let s = s.trim_end_matches(['整', '正']);
    let (yuan, rest) = match s.split_once(['元', '圆']) {
        Some((y, r)) => (y, r),
        None => (s, ""),
    };
    let mut v = if yuan.is_empty() { 0.0 } else { cn_integer(yuan)? as f64 };
    let mut rest = rest.trim_start_matches('零');
    if let Some((j, r)) = rest.split_once('角') {
        v += cn_digit(j.chars().next()?)? as f64 / 10.0;
        rest = r.trim_start_matches('零');
    }
    if let Some((f, r)) = rest.split_once('分') {
        v += cn_digit(f.chars().next()?)? as f64 / 100.0;
        rest = r;
    }
    rest.is_empty().then_some(v)
}

/// An amount as written: `Ok(None)` for an empty cell, `Ok(Some(元))` for a
/// number the reader is sure of, `Err(text)` for a value it cannot read (kept
/// for the review row and counted in the sheet's data quality, never blanked
/// silently). Full-width digits (１２３), Chinese numerals (壹仟元, 三百五十元)
/// and 万 are read; thousands separators (1,234 or 1 234) are dropped; a
/// decimal comma (1 234,5) is ambiguous and not read; NaN and infinities are
/// not amounts.
pub fn read_amount(cell: &Cell, wan: bool) -> Result<Option<f64>, String> {
    use unicode_normalization::UnicodeNormalization;
    let v = match cell {
        Cell::Empty => return Ok(None),
        Cell::Number(f) if f.is_finite() => *f,
        Cell::Number(_) | Cell::Bool(_) | Cell::Error(_) | Cell::Date(_) => return Err(cell.text()),
        Cell::Text(raw) => {
            let s: String = raw.nfkc().collect();
            let cleaned: String =
                s.chars().filter(|c| !c.is_whitespace() && !matches!(c, '¥' | '￥' | '$')).collect();
            if cleaned.is_empty() {
                return Ok(None);
            }
            let (body, w) = match cleaned.strip_suffix("万元").or_else(|| cleaned.strip_suffix('万')) {
                Some(n) if n.chars().any(|c| c.is_ascii_digit()) => (n.to_string(), true),
                _ => (cleaned.trim_end_matches('元').to_string(), false),
            };
            let n = match read_decimal(&body) {
                Some(n) => n,
                None => match cn_amount(&cleaned) {
                    Some(n) => n,
                    None => return Err(raw.trim().to_string()),
                },
            };
            if w { n * 10_000.0 } else { n }
        }
    };
    let v = if wan { v * 10_000.0 } else { v };
    // Round to the cent: 1.45 万元 is 14500 元, not 14499.999999999998.
    Ok(Some((v * 100.0).round() / 100.0))
}

/// A decimal number with optional thousands commas (1,234.50). A comma not
/// followed by exactly three digits (1234,5) is a decimal comma or a typo:
/// not read.
fn read_decimal(s: &str) -> Option<f64> {
    // Full-width commas are ',' here already (NFKC in `read_amount`).
    if s.contains(',') {
        let int = s.split('.').next().unwrap_or("");
        let groups: Vec<&str> = int.split(',').collect();
        let ok = groups.iter().skip(1).all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()));
        if !ok {
            return None;
        }
    }
    let t = s.replace(',', "");
    if !t.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+')) || !t.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    t.parse::<f64>().ok().filter(|f| f.is_finite())
}

#[cfg(test)]
mod tests {

    /// Regression (outside county, issue 9): 出生年月 typed as the number
    /// 1972.01 was read as an Excel day serial (1905).
    #[test]
    fn birth_typed_as_year_dot_month() {
        assert_eq!(parse_birth(&Cell::Number(1972.01)), "1972-01");
        assert_eq!(parse_birth(&Cell::Number(1972.1)), "1972-10");
        assert_eq!(parse_birth(&Cell::Text("1953.05".into())), "1953-05");
        assert_eq!(parse_birth(&Cell::Text("1956/09/24".into())), "1956-09-24");
        assert_eq!(birth_number("1956-09-24"), Some(19560924));
        assert_eq!(birth_number("1953-05"), Some(19530500));
        assert_eq!(birth_number("不详"), None);
    }

    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("2024-03-05", "2024-03-05")]
    #[case("2024/3/5", "2024-03-05")]
    #[case("2024.3.5", "2024-03-05")]
    #[case("20240305", "2024-03-05")]
    #[case("2024年3月5日", "2024-03-05")]
    #[case("2024年10月", "2024-10")]
    #[case("2024-10", "2024-10")]
    #[case("202410", "2024-10")]
    #[case("2024-03-05 00:00:00", "2024-03-05")]
    #[case("十月", "十月")]
    #[case("2024-02-30", "2024-02-30")]
    fn date_texts(#[case] s: &str, #[case] want: &str) {
        assert_eq!(parse_date_text(s), want);
    }

    #[test]
    fn date_cells() {
        assert_eq!(parse_date(&Cell::Date(45_356.0)), "2024-03-05");
        assert_eq!(parse_date(&Cell::Number(45_356.0)), "2024-03-05");
        assert_eq!(parse_date(&Cell::Number(20_240_305.0)), "2024-03-05");
        assert_eq!(parse_date(&Cell::Empty), "");
    }

    #[rstest]
    #[case(Cell::Number(300.0), false, Some(300.0))]
    #[case(Cell::Number(1.45), true, Some(14_500.0))]
    #[case(Cell::Text("1,234.50元".into()), false, Some(1234.5))]
    #[case(Cell::Text("¥ 80".into()), false, Some(80.0))]
    #[case(Cell::Text("2.5万".into()), false, Some(25_000.0))]
    #[case(Cell::Text("待定".into()), false, None)]
    #[case(Cell::Empty, false, None)]
    #[case(Cell::Text("１２３".into()), false, Some(123.0))]
    #[case(Cell::Text("壹仟元".into()), false, Some(1000.0))]
    #[case(Cell::Text("壹仟贰佰叁拾肆元伍角".into()), false, Some(1234.5))]
    #[case(Cell::Text("三百五十元整".into()), false, Some(350.0))]
    #[case(Cell::Text("十五元".into()), false, Some(15.0))]
    #[case(Cell::Text("一万零五百元".into()), false, Some(10_500.0))]
    #[case(Cell::Text("1 234".into()), false, Some(1234.0))]
    #[case(Cell::Text("NaN".into()), false, None)]
    #[case(Cell::Text("1 234,5".into()), false, None)]
    #[case(Cell::Text("inf".into()), false, None)]
    fn amounts(#[case] c: Cell, #[case] wan: bool, #[case] want: Option<f64>) {
        assert_eq!(read_amount(&c, wan).ok().flatten(), want);
    }

    /// Regression (hostile inputs): 壹仟元, １２３ and NaN became blank and
    /// `1 234,5` became 12345, all silently.
    #[rstest]
    #[case("壹仟元", Ok(Some(1000.0)))]
    #[case("１２３", Ok(Some(123.0)))]
    #[case("NaN", Err("NaN"))]
    #[case("1 234,5", Err("1 234,5"))]
    #[case("待定", Err("待定"))]
    #[case("  ", Ok(None))]
    fn unreadable_amounts_are_kept_as_written_not_blanked(#[case] s: &str, #[case] want: Result<Option<f64>, &str>) {
        assert_eq!(read_amount(&Cell::Text(s.into()), false), want.map_err(str::to_string));
    }

    #[test]
    fn impossible_dates_and_serials_out_of_range_are_kept_as_written() {
        assert_eq!(parse_date(&Cell::Date(9_999_999.0)), "9999999");
        assert!(!is_read_date(&parse_date(&Cell::Date(9_999_999.0))));
        assert!(!is_read_date(&parse_date_text("2024-02-30")));
        assert!(is_read_date("2024-02-29") && is_read_date("2024-10"));
    }
}
