fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut c = corroborate::Corpus::new();
    let pair: Option<(usize, usize)> = std::env::var("PAIR").ok().map(|p| {
        let v: Vec<usize> = p.split(',').map(|x| x.parse().unwrap()).collect();
        (v[0], v[1])
    });
    for p in &args {
        let t = std::fs::read_to_string(p).unwrap();
        c.add(p, &t).unwrap();
    }
    if let Some((a, b)) = pair {
        let m = corroborate::debug::sent_sims(&c, a, b);
        for (i, row) in m.iter().enumerate() {
            let mut idx: Vec<usize> = (0..row.len()).collect();
            idx.sort_by(|x, y| row[*y].total_cmp(&row[*x]));
            println!(
                "{i:3} {}",
                idx.iter()
                    .take(3)
                    .map(|&j| format!("{j}:{:.2}", row[j]))
                    .collect::<Vec<_>>()
                    .join(" ")
            );
        }
        return;
    }
    for m in [
        corroborate::debug::doc_sims(&c),
        corroborate::debug::claim_overlap(&c),
    ] {
        for (i, row) in m.iter().enumerate() {
            println!(
                "{i:3} {}",
                row.iter()
                    .map(|x| format!("{x:.2}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            );
        }
    }
}
