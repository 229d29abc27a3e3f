//! `kyr bundle`: the built site as a reproducible zip with a manifest and
//! checksums.

use std::io::Read as _;

use sha2::{Digest, Sha256};

use crate::util::Fixture;

fn entries(zip: &[u8]) -> Vec<(String, Vec<u8>, u32)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes).unwrap();
            (
                file.name().unwrap().into_owned(),
                bytes,
                file.unix_mode().unwrap_or(0),
            )
        })
        .collect()
}

#[test]
fn a_bundle_holds_the_site_a_manifest_and_checksums_and_is_reproducible() {
    let fx = Fixture::new("build/basic");
    let run = fx.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = fx.run(&["bundle", "--out", "one.zip"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let one = std::fs::read(fx.root().join("one.zip")).unwrap();

    // A second build and bundle of the same inputs: the same bytes.
    std::fs::remove_dir_all(fx.root().join("out")).unwrap();
    assert_eq!(fx.run(&["build"]).code, 0);
    assert_eq!(fx.run(&["bundle", "--out", "two.zip"]).code, 0);
    let two = std::fs::read(fx.root().join("two.zip")).unwrap();
    assert!(one == two, "two bundles of the same inputs differ");

    let files = entries(&one);
    let names: Vec<&str> = files.iter().map(|(n, _, _)| n.as_str()).collect();
    assert!(names.contains(&"index.html"));
    assert!(names.contains(&"fr/door.html") && names.contains(&"ar/door.pdf"));
    assert!(names.contains(&"manifest.json") && names.contains(&"SHA256SUMS"));
    let mut sorted = names.clone();
    sorted.sort();
    sorted.retain(|n| *n != "SHA256SUMS");
    let mut without_sums = names.clone();
    without_sums.retain(|n| *n != "SHA256SUMS");
    assert_eq!(without_sums, sorted, "entries are sorted");
    assert!(files.iter().all(|(_, _, mode)| mode & 0o777 == 0o644));

    // Every checksum matches its entry.
    let sums = String::from_utf8(
        files
            .iter()
            .find(|f| f.0 == "SHA256SUMS")
            .unwrap()
            .1
            .clone(),
    )
    .unwrap();
    for line in sums.lines() {
        let (hash, name) = line.split_once("  ").unwrap();
        let bytes = &files.iter().find(|f| f.0 == name).unwrap().1;
        let actual: String = Sha256::digest(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(hash, actual, "{name}");
    }
    assert_eq!(sums.lines().count(), files.len() - 1);

    // The manifest describes every artifact.
    let manifest: serde_json::Value =
        serde_json::from_slice(&files.iter().find(|f| f.0 == "manifest.json").unwrap().1).unwrap();
    let artifacts = manifest["artifacts"].as_array().unwrap();
    assert_eq!(artifacts.len(), files.len() - 2);
    let pdf = artifacts
        .iter()
        .find(|a| a["path"] == "ff/door.pdf")
        .unwrap();
    assert_eq!(pdf["document"], "door");
    assert_eq!(pdf["locale"], "ff");
    assert_eq!(pdf["layout"], "handout");
    assert_eq!(pdf["format"], "pdf");
    assert_eq!(pdf["reviewed"], false);
    assert!(pdf["fallbacks"].as_u64().unwrap() > 0);
    assert!(pdf["coverage"].as_f64().unwrap() < 100.0);
    let bytes = std::fs::read(fx.out("ff/door.pdf")).unwrap();
    assert_eq!(pdf["bytes"], bytes.len());
    let en = artifacts
        .iter()
        .find(|a| a["path"] == "en/door.html")
        .unwrap();
    assert_eq!(
        (en["coverage"].as_f64(), en["reviewed"].as_bool()),
        (Some(100.0), Some(true))
    );
}

#[test]
fn bundling_an_unbuilt_site_is_an_error() {
    let fx = Fixture::new("build/basic");
    let run = fx.run(&["bundle"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("run `kyr build` first"),
        "{}",
        run.stderr
    );
}

#[cfg(unix)]
#[test]
fn a_file_whose_name_would_unpack_elsewhere_is_refused_not_bundled() {
    let fx = Fixture::new("build/basic");
    assert_eq!(fx.run(&["build"]).code, 0);
    for name in ["\\abs.html", "fr/a\nb.html"] {
        let path = fx.root().join("out").join(name);
        std::fs::write(&path, "<p>stray</p>").unwrap();
        let run = fx.run(&["bundle", "--out", "x.zip"]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert!(
            run.stderr.contains("cannot go in a bundle"),
            "{}",
            run.stderr
        );
        assert!(!fx.root().join("x.zip").exists());
        std::fs::remove_file(&path).unwrap();
    }
    assert_eq!(fx.run(&["bundle", "--out", "x.zip"]).code, 0);
}

#[test]
fn editions_are_bundled_on_their_own_and_point_their_qr_codes_at_their_site() {
    let fx = Fixture::new("build/basic");
    fx.append(
        "kyr.toml",
        "\n[editions.nyc]\nqr = \"https://example.org/{edition}/{locale}/{document}.html\"\n\n[editions.nyc.vars]\nhotline = \"+1 212 555 0199\"\n",
    );
    for args in [&["build"][..], &["build", "--edition", "nyc"][..]] {
        let run = fx.run(args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    }
    assert!(fx.out("nyc/fr/door.pdf").is_file());
    let run = fx.run(&["bundle", "--out", "main.zip"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let main = entries(&std::fs::read(fx.root().join("main.zip")).unwrap());
    assert!(main.iter().any(|(name, _, _)| name == "fr/door.pdf"));
    assert!(
        !main.iter().any(|(name, _, _)| name.starts_with("nyc/")),
        "the main bundle holds the edition"
    );
    let run = fx.run(&["bundle", "--edition", "nyc", "--out", "nyc.zip"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let nyc = entries(&std::fs::read(fx.root().join("nyc.zip")).unwrap());
    let page = nyc
        .iter()
        .find(|(name, _, _)| name == "fr/door.html")
        .expect("the edition's own pages");
    assert!(String::from_utf8_lossy(&page.1).contains("555 0199"));

    // The edition's PDFs carry its own address, `{edition}` filled in.
    let mut project = fx.load();
    project.select_edition("nyc").unwrap();
    let typesetter = kyr::inspect::Typesetter::new(&project, None);
    let compiled = typesetter
        .typeset("fr", "door", "handout")
        .unwrap()
        .result
        .unwrap_or_else(|f| panic!("{:?}", f.diagnostics));
    let text = kyr::inspect::page_texts(&compiled.document).concat();
    // The address under the code breaks after its slashes.
    assert!(
        text.replace('\n', "")
            .contains("example.org/nyc/fr/door.html"),
        "{text}"
    );

    // `{edition}` belongs to an edition's own `qr`.
    let config = std::fs::read_to_string(fx.root().join("kyr.toml")).unwrap();
    fx.write(
        "kyr.toml",
        &format!("qr = \"https://example.org/{{edition}}/\"\n{config}"),
    );
    let run = fx.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("kyr.toml:1:6: error: in `https://example.org/{edition}/`, only `{locale}` and `{document}` are filled in"),
        "{}",
        run.stderr
    );
}
