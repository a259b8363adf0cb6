//! Finding the pairs: every botocore model of the `BOTOCORE_PYTHON` venv and every Smithy model of
//! `../shared/upstream/api-models-aws`, loaded in parallel, paired when they have the same
//! `serviceId` / `sdkId`, the same API version and the same operation set. Shared with
//! `botocore_corpus.rs`, which uses only the file list.

#![allow(dead_code)]

use codegen::Model;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// One API in both forms.
pub struct Pair {
    /// The botocore service directory name (`acm-pca`).
    pub service: String,
    pub smithy: Model,
    pub botocore: Model,
}

/// What pairing found.
pub struct Corpus {
    pub pairs: Vec<Pair>,
    /// botocore models (every service, every API version) loaded.
    pub botocore_models: usize,
    /// Same service and API version, different operation sets: (service, only Smithy, only botocore).
    pub operation_set_differs: Vec<(String, usize, usize)>,
}

/// botocore's `data` directory in the `BOTOCORE_PYTHON` venv, or a panic saying how to get one.
pub fn botocore_data() -> PathBuf {
    let python = std::env::var("BOTOCORE_PYTHON").unwrap_or_else(|_| {
        panic!(
            "BOTOCORE_PYTHON is not set: it must name a Python with botocore==1.37.23 (python3 -m \
             venv target/ci-venv && target/ci-venv/bin/pip install botocore==1.37.23)"
        )
    });
    let out = Command::new(&python)
        .args([
            "-c",
            "import botocore, os; print(botocore.__version__); print(os.path.dirname(botocore.__file__))",
        ])
        .output()
        .unwrap_or_else(|e| panic!("cannot run BOTOCORE_PYTHON={python}: {e}"));
    assert!(out.status.success(), "{python} cannot import botocore");
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    let version = lines.next().unwrap_or_default();
    assert_eq!(
        version, "1.37.23",
        "BOTOCORE_PYTHON must have botocore 1.37.23"
    );
    let data = Path::new(lines.next().unwrap_or_default()).join("data");
    assert!(data.is_dir(), "no botocore data in {}", data.display());
    data
}

/// Every `service-2.json[.gz]` of botocore: (service, API version, file), sorted.
pub fn botocore_files() -> Vec<(String, String, PathBuf)> {
    let data = botocore_data();
    let mut out = Vec::new();
    for svc in read_dir(&data) {
        for version in read_dir(&svc) {
            for name in ["service-2.json.gz", "service-2.json"] {
                let f = version.join(name);
                if f.is_file() {
                    out.push((file_name(&svc), file_name(&version), f));
                    break;
                }
            }
        }
    }
    out.sort();
    out
}

fn read_dir(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.is_dir())
        .collect();
    v.sort();
    v
}

fn file_name(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}

fn load(p: &Path) -> Model {
    codegen::load::load_file(p).unwrap_or_else(|d| panic!("loading {}:\n{d}", p.display()))
}

/// Load both corpora and pair them.
pub fn corpus() -> Corpus {
    let boto_files = botocore_files();
    let boto: Vec<(String, Model)> = boto_files
        .par_iter()
        .map(|(svc, _, f)| (svc.clone(), load(f)))
        .collect();
    let smithy: Vec<Model> = tests::all_smithy_models()
        .par_iter()
        .map(|f| load(f))
        .collect();
    let mut by_key: BTreeMap<(String, String), Model> = BTreeMap::new();
    for m in smithy {
        if let Some(id) = m.service.sdk_id.clone() {
            by_key.insert((id, m.service.api_version.clone()), m);
        }
    }
    let botocore_models = boto.len();
    let mut pairs = Vec::new();
    let mut operation_set_differs = Vec::new();
    for (service, b) in boto {
        let Some(id) = b.service.sdk_id.clone() else {
            continue;
        };
        let Some(s) = by_key.remove(&(id, b.service.api_version.clone())) else {
            continue;
        };
        if s.service.operations != b.service.operations {
            let only_s = s
                .service
                .operations
                .iter()
                .filter(|o| !b.operations.contains_key(*o))
                .count();
            let only_b = b
                .service
                .operations
                .iter()
                .filter(|o| !s.operations.contains_key(*o))
                .count();
            operation_set_differs.push((service, only_s, only_b));
            continue;
        }
        pairs.push(Pair {
            service,
            smithy: s,
            botocore: b,
        });
    }
    Corpus {
        pairs,
        botocore_models,
        operation_set_differs,
    }
}
