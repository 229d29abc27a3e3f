//! An organizer starting a project of their own, with only the README:
//! `init`, `build`, `new`, `extract`, an edition with its own QR code,
//! `bundle`; and the CI workflow `init` writes, its steps run as written.

use std::path::Path;
use std::process::Command;

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

    // A document written as plain Markdown, turned into messages.
    std::fs::write(
        project.join("content/leaflet.md"),
        "# Your rights at work\n\nYou can ask for your pay in writing. Call +1 (555) 010-1234.\n",
    )
    .unwrap();
    let run = kyr(&project, &["extract", "content/leaflet.md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(project.join("content/leaflet.md.orig").is_file());
    assert!(project.join("locales/en/leaflet.ftl").is_file());
    let run = kyr(&project, &["build"]);
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
    let run = kyr(&project, &["build", "--edition", "nyc"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(project.join("out/nyc/fr/example.pdf").is_file());
    for args in [&["bundle"][..], &["bundle", "--edition", "nyc"][..]] {
        let run = kyr(&project, args);
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

/// The shell of each step of a GitHub workflow, by step name: its `run:`
/// line, or the lines of its `run: |` block.
fn workflow_steps(yaml: &str) -> Vec<(String, String)> {
    let mut steps = Vec::new();
    let lines: Vec<&str> = yaml.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let Some(name) = line.trim_start().strip_prefix("- name: ") else {
            i += 1;
            continue;
        };
        let step_indent = line.len() - line.trim_start().len();
        i += 1;
        let mut script = None;
        while i < lines.len() {
            let line = lines[i];
            let indent = line.len() - line.trim_start().len();
            if !line.trim().is_empty() && indent <= step_indent {
                break;
            }
            if let Some(run) = line.trim_start().strip_prefix("run:") {
                if run.trim() == "|" {
                    let mut block = String::new();
                    i += 1;
                    while i < lines.len()
                        && (lines[i].trim().is_empty()
                            || lines[i].len() - lines[i].trim_start().len() > indent)
                    {
                        block.push_str(lines[i].get(indent + 2..).unwrap_or(""));
                        block.push('\n');
                        i += 1;
                    }
                    script = Some(block);
                    continue;
                }
                script = Some(format!("{}\n", run.trim()));
            }
            i += 1;
        }
        if let Some(script) = script {
            steps.push((name.trim().to_owned(), script));
        }
    }
    steps
}

#[test]
fn the_workflow_init_writes_runs_its_steps_as_written() {
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path();
    let run = kyr(root, &["init", "tenants", "--locale", "fr"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let project = root.join("tenants");
    let yaml = std::fs::read_to_string(project.join(".github/workflows/kyr.yml")).unwrap();
    let steps = workflow_steps(&yaml);
    let names: Vec<&str> = steps.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "Find kyr's version",
            "Install kyr",
            "Translation status",
            "Check translations and content",
            "Build",
            "Bundle"
        ]
    );
    // The commit the workflow checks out (its time is the build time).
    let git = |args: &[&str]| crate::util::git(&project, args);
    git(&["init", "-q"]);
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "start"]);

    let kyr_dir = Path::new(env!("CARGO_BIN_EXE_kyr")).parent().unwrap();
    let summary = root.join("summary.md");
    let github_output = root.join("output.txt");
    let step = |name: &str, repository: &str| {
        let script = &steps.iter().find(|(n, _)| n == name).unwrap().1;
        let out = Command::new("bash")
            .args(["-e", "-c", script])
            .current_dir(&project)
            .env(
                "PATH",
                format!(
                    "{}:{}",
                    kyr_dir.display(),
                    std::env::var("PATH").unwrap_or_default()
                ),
            )
            .env("GITHUB_STEP_SUMMARY", &summary)
            .env("GITHUB_OUTPUT", &github_output)
            .env("KYR_REPOSITORY", repository)
            .env("KYR_COLOR", "always")
            .env_remove("KYR_STRICT")
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };

    // Without a repository to install from, the first step says so.
    let (code, stdout) = step("Find kyr's version", "");
    assert_eq!(code, 1);
    assert!(
        stdout.contains("::error::Set the repository variable KYR_REPOSITORY"),
        "{stdout}"
    );
    // One that cannot be read is named.
    let (code, stdout) = step(
        "Find kyr's version",
        &root.join("nowhere").display().to_string(),
    );
    assert_eq!(code, 1);
    assert!(stdout.contains("could not be read"), "{stdout}");
    // With one, the cache key and the install are the commit kyr is built
    // from (here, this project's own repository stands in for kyr's).
    let (code, stdout) = step("Find kyr's version", &project.display().to_string());
    assert_eq!(code, 0, "{stdout}");
    let outputs = std::fs::read_to_string(&github_output).unwrap();
    let commit = outputs.strip_prefix("commit=").unwrap().trim();
    assert!(
        commit.len() == 40 && commit.chars().all(|c| c.is_ascii_hexdigit()),
        "{outputs}"
    );
    assert!(yaml.contains("key: kyr-${{ runner.os }}-${{ steps.version.outputs.commit }}"));
    assert!(yaml.contains("--rev \"$KYR_COMMIT\""));

    // The example contacts fail the check; the status reaches the
    // summary all the same, and each annotation carries its hint.
    let (code, _) = step("Translation status", "unused");
    assert_eq!(code, 0);
    let (code, stdout) = step("Check translations and content", "unused");
    assert_eq!(code, 1, "{stdout}");
    assert!(
        std::fs::read_to_string(&summary)
            .unwrap()
            .contains("| `fr` Français |"),
        "no status in the summary"
    );
    let hotline = stdout
        .lines()
        .find(|l| l.contains("a 555 number"))
        .unwrap_or_else(|| panic!("{stdout}"));
    assert!(
        hotline.starts_with("::error file=kyr.toml,line=")
            && hotline.contains(" (set `hotline` under `[vars]`"),
        "{hotline}"
    );

    // With real contacts and a review date, every step passes.
    let config = std::fs::read_to_string(project.join("kyr.toml")).unwrap();
    let config = config
        .replace("+1 (555) 010-1234", "+1 (212) 555-1212")
        .replace("tel:+15550101234", "tel:+12125551212")
        .replace("Example Legal Aid", "Harbor Legal Aid");
    std::fs::write(project.join("kyr.toml"), config).unwrap();
    let example = std::fs::read_to_string(project.join("content/example.md")).unwrap();
    std::fs::write(
        project.join("content/example.md"),
        example.replace("# last_reviewed = 2026-01-31", "last_reviewed = 2026-01-31"),
    )
    .unwrap();
    git(&["commit", "-q", "-a", "-m", "real contacts"]);
    for name in ["Check translations and content", "Build", "Bundle"] {
        let (code, stdout) = step(name, "unused");
        assert_eq!(code, 0, "{name}: {stdout}");
    }
    assert!(project.join("out/fr/example.pdf").is_file());
    assert!(project.join("kyr-bundle.zip").is_file());
}

/// The repository's own workflow, its steps run as written on a copy of
/// the repository: it passes, its example contacts (and those of
/// `examples/mexico`) staying warnings by name while `--strict` holds for
/// everything else.
#[test]
fn the_repositorys_own_workflow_passes_on_the_repository() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let yaml = std::fs::read_to_string(root.join(".github/workflows/kyr.yml")).unwrap();
    let steps = workflow_steps(&yaml);
    let shipped = crate::util::Fixture::shipped();
    let copy = shipped.root();
    let mexico = crate::util::Fixture::example("mexico");
    std::fs::create_dir_all(copy.join("examples")).unwrap();
    let copied = Command::new("cp")
        .arg("-r")
        .arg(mexico.root())
        .arg(copy.join("examples/mexico"))
        .status()
        .unwrap();
    assert!(copied.success());
    // What the "Install kyr" step builds.
    std::fs::create_dir_all(copy.join("target/release")).unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_kyr"), copy.join("target/release/kyr")).unwrap();
    let git = |args: &[&str]| crate::util::git(copy, args);
    git(&["init", "-q"]);
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "start"]);
    let summary = copy.join("summary.md");
    for (name, script) in steps.iter().filter(|(name, _)| name != "Install kyr") {
        let out = Command::new("bash")
            .args(["-e", "-c", script])
            .current_dir(copy)
            .env("GITHUB_STEP_SUMMARY", &summary)
            .env("KYR_COLOR", "always")
            .env_remove("KYR_STRICT")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{name}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // The example contacts are annotated as warnings; nothing is an error.
    let build = std::fs::read_to_string(copy.join("build.jsonl")).unwrap();
    assert!(build.contains("\"code\":\"example-value\""), "{build}");
    assert!(!build.contains("\"severity\":\"error\""), "{build}");
    assert!(copy.join("out/ar/red-card.sms.txt").is_file());
    assert!(copy.join("kyr-bundle.zip").is_file());
}

/// The example workflow for a large catalogue, its steps run as written:
/// three shares built apart, then merged into the zip one build gives.
#[test]
fn the_sharded_workflow_example_merges_its_shares_into_the_zip_of_one_build() {
    let yaml = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/workflows/kyr-shards.yml"),
    )
    .unwrap();
    // The shares' records travel with them, and each share lands in a
    // folder of its own.
    for line in [
        "include-hidden-files: true",
        "pattern: shard-*",
        "shard: [1, 2, 3]",
    ] {
        assert!(yaml.contains(line), "{line}");
    }
    let steps = workflow_steps(&yaml);
    let script = |name: &str| steps.iter().find(|(n, _)| n == name).unwrap().1.clone();
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path();
    let run = kyr(
        root,
        &["init", "tenants", "--locale", "fr", "--locale", "ar"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let project = root.join("tenants");
    let config = std::fs::read_to_string(project.join("kyr.toml"))
        .unwrap()
        .replace("+1 (555) 010-1234", "+1 (212) 736-0100")
        .replace("tel:+15550101234", "tel:+12127360100")
        .replace("Example Legal Aid", "Harbor Legal Aid");
    std::fs::write(project.join("kyr.toml"), config).unwrap();
    let example = std::fs::read_to_string(project.join("content/example.md")).unwrap();
    std::fs::write(
        project.join("content/example.md"),
        example.replace("# last_reviewed = 2026-01-31", "last_reviewed = 2026-01-31"),
    )
    .unwrap();
    let git = |args: &[&str]| crate::util::git(&project, args);
    git(&["init", "-q"]);
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "start"]);
    let kyr_dir = Path::new(env!("CARGO_BIN_EXE_kyr")).parent().unwrap();
    let path = format!(
        "{}:{}",
        kyr_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let step = |script: &str, shard: &str| {
        let out = Command::new("bash")
            .args(["-e", "-c", script])
            .current_dir(&project)
            .env("PATH", &path)
            .env("SHARD", shard)
            .env_remove("SOURCE_DATE_EPOCH")
            .env_remove("KYR_STRICT")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{script}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    for shard in ["1", "2", "3"] {
        step(&script("Build a share"), shard);
        assert!(
            project
                .join(format!("shard-{shard}/.kyr/shard.json"))
                .is_file()
        );
    }
    step(&script("Merge the shares"), "");
    // The same zip as one build of the same commit.
    let epoch = git(&["log", "-1", "--format=%ct"]);
    let whole = Command::new(env!("CARGO_BIN_EXE_kyr"))
        .args(["build", "--format", "all", "--out", "whole"])
        .current_dir(&project)
        .env("SOURCE_DATE_EPOCH", &epoch)
        .status()
        .unwrap();
    assert!(whole.success());
    let one = Command::new(env!("CARGO_BIN_EXE_kyr"))
        .args(["bundle", "--site", "whole", "--out", "one.zip"])
        .current_dir(&project)
        .env("SOURCE_DATE_EPOCH", &epoch)
        .status()
        .unwrap();
    assert!(one.success());
    assert!(
        std::fs::read(project.join("one.zip")).unwrap()
            == std::fs::read(project.join("kyr-bundle.zip")).unwrap(),
        "the merged zip is not the single build's"
    );
}
