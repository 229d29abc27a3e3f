//! An organizer starting a project of their own, with only the README:
//! `init`, `build`, `new`, `extract`, an edition with its own QR code,
//! `bundle`. The workflow `init` writes has its steps run in
//! `tests/tools/workflows.rs`.

use std::path::Path;

use crate::util::kyr_in as kyr;

/// The warning codes of a run's output, in order (`warning[code]` is not
/// printed; the codes are recognised by their words).
fn warnings(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.contains(": warning: "))
        .map(|l| l.split(": warning: ").nth(1).unwrap_or(""))
        .collect()
}

#[test]
fn an_organizer_starts_a_project_of_their_own_and_it_builds_at_once() {
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path();
    // Nothing there yet: the error says how to start.
    let run = kyr(root, &["build"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("`kyr init` starts a project there"),
        "{}",
        run.stderr
    );

    let run = kyr(
        root,
        &[
            "init",
            "tenants",
            "--locale",
            "fr",
            "--locale",
            "ar",
            "--locale",
            "mam",
            "--paper",
            "us-letter",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let project = root.join("tenants");
    for file in [
        "kyr.toml",
        ".gitignore",
        ".github/workflows/kyr.yml",
        "content/example.md",
        "locales/en/kyr.ftl",
        "locales/en/example.ftl",
        "locales/fr/kyr.ftl",
        "locales/fr/kyr-lock.toml",
        "locales/ar/kyr.ftl",
    ] {
        assert!(project.join(file).is_file(), "{file}");
    }
    assert_eq!(
        std::fs::read_to_string(project.join(".gitignore"))
            .unwrap()
            .lines()
            .last(),
        Some("out/")
    );
    // Again: refused, nothing overwritten.
    assert_eq!(kyr(root, &["init", "tenants"]).code, 2);

    // It builds at once; what it says is what an organizer must do next:
    // replace the example hotline and organization, and date the review.
    let run = kyr(&project, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let said = warnings(&run.stderr);
    assert_eq!(said.len(), 3, "{}", run.stderr);
    assert!(said[0].starts_with("no `last_reviewed` date"), "{said:?}");
    assert!(
        said[1].contains("a 555 number reserved for examples"),
        "{said:?}"
    );
    assert!(
        said[2].contains("a name that says it is an example"),
        "{said:?}"
    );
    for page in [
        "en/example.html",
        "fr/example.pdf",
        "ar/example.pdf",
        "mam/example.html",
        "index.html",
    ] {
        assert!(project.join("out").join(page).is_file(), "{page}");
    }
    let check = kyr(&project, &["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert_eq!(warnings(&check.stderr), said);

    // A second document.
    let run = kyr(&project, &["new", "repairs"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(kyr(&project, &["new", "repairs"]).code, 2);
    assert_eq!(kyr(&project, &["new", "Bad Name"]).code, 2);
    let run = kyr(&project, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(project.join("out/fr/repairs.pdf").is_file());

    a_markdown_document_an_edition_and_the_bundles(&project);
}

/// Then, in that project: a document written as plain Markdown, turned into
/// messages, builds with only the warnings the organizer has still to act
/// on; an edition for one city builds with its own hotline and QR code; and
/// both bundle.
fn a_markdown_document_an_edition_and_the_bundles(project: &Path) {
    // A document written as plain Markdown, turned into messages.
    std::fs::write(
        project.join("content/leaflet.md"),
        "# Your rights at work\n\nYou can ask for your pay in writing. Call +1 (555) 010-1234.\n",
    )
    .unwrap();
    let run = kyr(project, &["extract", "content/leaflet.md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(project.join("content/leaflet.md.orig").is_file());
    assert!(project.join("locales/en/leaflet.ftl").is_file());
    let run = kyr(project, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(project.join("out/ar/leaflet.pdf").is_file());
    // Only what the organizer has still to do: contacts and review dates.
    for warning in warnings(&run.stderr) {
        assert!(
            warning.starts_with("no `last_reviewed` date")
                || warning.contains("a 555 number reserved for examples")
                || warning.contains("a name that says it is an example"),
            "unexpected: {warning}\n{}",
            run.stderr
        );
    }

    // An edition for one city, with its own hotline and QR code.
    let mut config = std::fs::read_to_string(project.join("kyr.toml")).unwrap();
    config.push_str(
        "\n[editions.nyc]\nqr = \"https://example.org/{edition}/{locale}/{document}.html\"\n\n[editions.nyc.vars]\nhotline = { text = \"+1 212 555 0199\", link = \"tel:+12125550199\" }\n",
    );
    std::fs::write(project.join("kyr.toml"), config).unwrap();
    let run = kyr(project, &["build", "--edition", "nyc"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(project.join("out/nyc/fr/example.pdf").is_file());
    for args in [&["bundle"][..], &["bundle", "--edition", "nyc"][..]] {
        let run = kyr(project, args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    }
    assert!(project.join("out/kyr-bundle.zip").is_file());
    assert!(project.join("out/nyc/kyr-bundle.zip").is_file());
}

#[test]
fn a_project_without_kyrs_interface_messages_shows_kyrs_own_and_is_told_what_to_add() {
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path();
    std::fs::create_dir_all(root.join("locales/en")).unwrap();
    std::fs::write(
        root.join("kyr.toml"),
        "title = \"t\"\n[locales.en]\nendonym = \"English\"\n[vars]\nhotline = \"+1 212 736 0100\"\norganization = \"Tenants Together\"\n",
    )
    .unwrap();
    std::fs::write(root.join("locales/en/t.ftl"), "t = Title\n").unwrap();
    // `check` says what a build does, at the reference's table (there is
    // no `kyr.ftl` to add them to yet), with the lines to add.
    for command in ["check", "build"] {
        let run = kyr(root, &[command]);
        assert_eq!(run.code, 0, "{command}: {}", run.stderr);
        assert!(
            run.stderr.contains(
                "kyr.toml:2:10: warning: the reference locale `en` lacks 15 of kyr's interface messages (`kyr-help`, `kyr-not-legal-advice`, `kyr-sources`, `kyr-languages`, and 11 more): pages show kyr's own `en` text for them"
            ),
            "{command}: {}",
            run.stderr
        );
        assert!(
            run.stderr
                .contains("add kyr's `en` text to `locales/en/kyr.ftl`:\nkyr-help = Free legal help: { $organization }, { $hotline }\n"),
            "{}",
            run.stderr
        );
    }
    let index = std::fs::read_to_string(root.join("out/index.html")).unwrap();
    assert!(index.contains("General information, not legal advice."));
    // Added, the warning goes.
    let kyrs = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/interface/en.ftl"),
    )
    .unwrap();
    let kyrs: String = kyrs
        .lines()
        .filter(|l| !l.starts_with("project-title"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(root.join("locales/en/kyr.ftl"), kyrs).unwrap();
    let run = kyr(root, &["check", "--strict"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}
