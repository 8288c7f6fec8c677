//! Every input kept in `fuzz/regressions/TARGET/` (a crash or invariant failure the fuzzer found,
//! fixed since) runs through the same checks as the fuzz target, in the normal test suite, so a
//! fixed crash stays fixed. The fuzzing itself (`fuzz/run.sh`) stays out of CI.

use std::path::PathBuf;

#[test]
fn every_kept_fuzz_input_passes_its_target_checks() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut ran = Vec::new();
    let mut targets: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    targets.sort();
    for dir in targets {
        let target = dir.file_name().unwrap().to_string_lossy().into_owned();
        let check = claimdiff::invariants::by_name(&target)
            .unwrap_or_else(|| panic!("fuzz/regressions/{target}: no such fuzz target"));
        let mut inputs: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        inputs.sort();
        for input in inputs {
            let bytes = std::fs::read(&input).unwrap();
            let name = format!("{target}/{}", input.file_name().unwrap().to_string_lossy());
            if let Err(e) = std::panic::catch_unwind(|| check(&bytes)) {
                let msg = e
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                panic!("fuzz/regressions/{name}: {msg}");
            }
            ran.push(name);
        }
    }
    eprintln!("{} kept fuzz inputs: {ran:?}", ran.len());
    assert!(
        !ran.is_empty(),
        "fuzz/regressions holds no input: nothing was checked"
    );
}
