//! Normalizer throughput (one core): IDs and names per second.
//! Target (issue 5): ≥ 5 million IDs/s and ≥ 2 million names/s per core.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kinmatch::normalize::{id::normalize_id, name::normalize_name};
use std::hint::black_box;

fn inputs() -> (Vec<String>, Vec<String>) {
    // A realistic mix: clean, lower-case x, spaces, full-width, legacy 15-digit, missing.
    let w = [7u32, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let mut ids = Vec::new();
    for i in 0..10_000u32 {
        let first17 = format!("5199011{:03}{:02}{:02}{:03}", 950 + i % 60, 1 + i % 12, 1 + i % 28, i % 1000);
        let sum: u32 = first17.bytes().zip(w).map(|(b, w)| (b - b'0') as u32 * w).sum();
        let id = format!("{first17}{}", "10X98765432".as_bytes()[(sum % 11) as usize] as char);
        ids.push(match i % 10 {
            0 => id.to_lowercase(),
            1 => format!("{} {}", &id[..6], &id[6..]),
            2 => id.chars().map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)).collect(),
            3 => format!("{}{}", &id[..6], &id[8..17]),
            4 => String::new(),
            _ => id,
        });
    }
    let names = ["王伟", "张 敏", "劉芳", "李静(户主)", "欧阳娜娜", "阿依古丽·买买提", "陈建国", "萧红", "单雄信", "赵丽"];
    let names = (0..10_000).map(|i| names[i % names.len()].to_string()).collect();
    (ids, names)
}

fn bench(c: &mut Criterion) {
    let (ids, names) = inputs();
    let mut g = c.benchmark_group("normalize");
    g.throughput(Throughput::Elements(ids.len() as u64));
    g.bench_function("ids", |b| b.iter(|| ids.iter().map(|s| black_box(normalize_id(s)).status as u32).sum::<u32>()));
    g.throughput(Throughput::Elements(names.len() as u64));
    g.bench_function("names", |b| b.iter(|| names.iter().map(|s| black_box(normalize_name(s)).key.len()).sum::<usize>()));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
