#include <fascicle/host/output_validation.hpp>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <optional>
#include <regex>
#include <sstream>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace fascicle::host {

namespace fs = std::filesystem;

namespace {

struct ToolRun {
    bool started = false;
    int status = -1;     // the exit status; -1 when killed by a signal or not started
    std::string output;  // standard output and standard error, interleaved
};

// Runs a program with `extra_env` added to the environment; standard input is /dev/null.
ToolRun run_tool(const std::vector<std::string>& argv, const std::vector<std::string>& extra_env = {}) {
    ToolRun run;
    int pipe_fds[2];
    if (::pipe(pipe_fds) != 0) return run;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDERR_FILENO);
    posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
    posix_spawn_file_actions_addclose(&actions, pipe_fds[1]);

    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    std::vector<std::string> env_strings;
    for (char** e = environ; *e; ++e) {
        const std::string entry(*e);
        const auto name = entry.substr(0, entry.find('=') + 1);
        bool overridden = false;
        for (const auto& x : extra_env) overridden |= x.rfind(name, 0) == 0;
        if (!overridden) env_strings.push_back(entry);
    }
    env_strings.insert(env_strings.end(), extra_env.begin(), extra_env.end());
    std::vector<char*> env;
    for (auto& e : env_strings) env.push_back(e.data());
    env.push_back(nullptr);

    pid_t pid = 0;
    const int spawned = ::posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), env.data());
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipe_fds[1]);
    if (spawned != 0) {
        ::close(pipe_fds[0]);
        run.output = std::strerror(spawned);
        return run;
    }
    run.started = true;
    std::array<char, 4096> buffer;
    for (;;) {
        const ssize_t n = ::read(pipe_fds[0], buffer.data(), buffer.size());
        if (n > 0) run.output.append(buffer.data(), std::size_t(n));
        else if (n == 0 || errno != EINTR) break;
    }
    ::close(pipe_fds[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

// The program's path when `name` is found on PATH (or is a path to an executable file).
std::optional<fs::path> find_program(const std::string& name) {
    if (name.find('/') != std::string::npos) return ::access(name.c_str(), X_OK) == 0 ? std::optional<fs::path>(name) : std::nullopt;
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path ? path : "");
    for (std::string dir; std::getline(dirs, dir, ':');) {
        if (dir.empty()) continue;
        const fs::path candidate = fs::path(dir) / name;
        if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    return std::nullopt;
}

std::string env_or(const char* name, const char* fallback) {
    const char* v = std::getenv(name);
    return v && *v ? v : fallback;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

// A validator that ran and failed in a way its output does not explain: what it printed, whole.
void report_unexplained(DiagnosticSink& d, const fs::path& file, const std::string& who, const ToolRun& run) {
    d.error(file.string(), 0, 0, who + " failed (exit status " + std::to_string(run.status) + ") without a finding: " + run.output);
}

struct Findings {
    std::size_t errors = 0;
    bool missing = false;
};

// ---- epubcheck: "ERROR(RSC-005): book.epub/EPUB/text/c.xhtml(13,19): message"
void run_epubcheck(const fs::path& file, DiagnosticSink& d, Findings& f) {
    const std::string jar = env_or("EPUBCHECK_JAR", "/usr/share/java/epubcheck.jar");
    if (!find_program("java") || !fs::is_regular_file(jar)) {
        d.error(file.string(), 0, 0, "cannot validate: epubcheck is missing (java on PATH and the jar " + jar +
                                         ", which EPUBCHECK_JAR may name; Debian: apt-get install epubcheck)");
        f.missing = true;
        return;
    }
    const auto run = run_tool({"java", "-jar", jar, file.string()});
    static const std::regex message(R"(^(FATAL|ERROR|WARNING|INFO|USAGE)\(([A-Za-z0-9_-]+)\): (.*)$)");
    static const std::regex located(R"(^(.*?)\((-?\d+),(-?\d+)\): (.*)$)");
    static const std::regex unlocated(R"(^(.*?\.epub[^:]*): (.*)$)");
    std::size_t errors = 0;
    for (const auto& line : lines_of(run.output)) {
        std::smatch m, where;
        if (!std::regex_match(line, m, message)) continue;
        const std::string kind = m[1], code = m[2], rest = m[3];
        const Severity severity = kind == "FATAL" || kind == "ERROR" ? Severity::error
                                  : kind == "WARNING"                ? Severity::warning
                                                                     : Severity::note;
        Diagnostic diag{severity, file.string(), 0, 0, rest};
        if (std::regex_match(rest, where, located)) {
            diag.file = where[1];
            const long l = std::stol(where[2]), c = std::stol(where[3]);
            diag.line = l > 0 ? std::size_t(l) : 0;
            diag.column = c > 0 ? std::size_t(c) : 0;
            diag.message = where[4];
        } else if (std::regex_match(rest, where, unlocated)) {
            diag.file = where[1];
            diag.message = where[2];
        }
        diag.message = code + ": " + diag.message + " (epubcheck)";
        if (severity == Severity::error) ++errors;
        d.report(diag);
    }
    if (run.status != 0 && errors == 0) {
        report_unexplained(d, file, "epubcheck", run);
        ++errors;
    }
    f.errors += errors;
}

// ---- DAISY Ace: its report.json, read by Node.js (which runs Ace anyway) into one line per violation.
const char* ace_report_reader = R"(
const report = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'));
function walk(a, doc) {
  const subject = (a['earl:testSubject'] || {}).url || doc;
  const result = a['earl:result'] || {};
  if (a['earl:test'] && result['earl:outcome'] === 'fail') {
    const t = a['earl:test'];
    const text = (result['dct:description'] || t['dct:description'] || '').replace(/\s+/g, ' ').trim();
    console.log(['VIOLATION', subject, t['earl:impact'] || 'unknown', t['dct:title'] || '?', text].join('\t'));
  }
  for (const c of a.assertions || []) walk(c, subject);
}
walk(report, '');
console.log('OUTCOME\t' + (report['earl:result'] || {})['earl:outcome']);
)";

// The Ace runner: FASCICLE_ACE names a node_modules folder holding @daisy/ace, or the runner
// script itself; else npm's global folders.
std::optional<fs::path> find_ace(std::string& looked_in) {
    std::vector<fs::path> candidates;
    if (const char* v = std::getenv("FASCICLE_ACE"); v && *v) {
        const fs::path given(v);
        if (given.extension() == ".js") candidates.push_back(given);
        else candidates.push_back(given / "@daisy/ace/bin/ace-puppeteer.js");
    } else {
        candidates = {"/usr/local/lib/node_modules/@daisy/ace/bin/ace-puppeteer.js",
                      "/usr/lib/node_modules/@daisy/ace/bin/ace-puppeteer.js"};
    }
    for (const auto& c : candidates) {
        looked_in += (looked_in.empty() ? "" : ", ") + c.string();
        if (fs::is_regular_file(c)) return c;
    }
    return std::nullopt;
}

void run_ace(const fs::path& file, DiagnosticSink& d, Findings& f) {
    std::string looked_in;
    const auto ace = find_ace(looked_in);
    const std::string chromium = env_or("PUPPETEER_EXECUTABLE_PATH", "/usr/bin/chromium");
    std::string missing;
    if (!find_program("node")) missing = "node (Node.js) is not on PATH (Debian: apt-get install nodejs)";
    else if (!ace) missing = "DAISY Ace is not at " + looked_in + " (FASCICLE_ACE names the node_modules folder holding @daisy/ace; npm install @daisy/ace)";
    else if (::access(chromium.c_str(), X_OK) != 0) missing = "no chromium at " + chromium + " (PUPPETEER_EXECUTABLE_PATH names it; Debian: apt-get install chromium)";
    if (!missing.empty()) {
        d.error(file.string(), 0, 0, "cannot validate: DAISY Ace cannot run: " + missing);
        f.missing = true;
        return;
    }
    // Ace's configuration, logs and report go to a fresh folder: no user's configuration changes
    // the run, and parallel runs keep apart.
    std::string pattern = (fs::temp_directory_path() / "fascicle-ace-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) {
        d.error(file.string(), 0, 0, std::string("cannot validate with DAISY Ace: no temporary folder: ") + std::strerror(errno));
        ++f.errors;
        return;
    }
    const fs::path work(pattern);
    const auto run = run_tool({"node", ace->string(), "--outdir", (work / "report").string(), file.string()},
                              {"XDG_CONFIG_HOME=" + (work / "config").string(), "XDG_STATE_HOME=" + (work / "state").string(),
                               "XDG_DATA_HOME=" + (work / "data").string(), "XDG_CACHE_HOME=" + (work / "cache").string(),
                               "PUPPETEER_EXECUTABLE_PATH=" + chromium, "ACE_TIMEOUT_INITIAL=" + env_or("ACE_TIMEOUT_INITIAL", "60000")});
    const fs::path report = work / "report" / "report.json";
    std::size_t errors = 0;
    if (run.status != 0 || !fs::is_regular_file(report)) {
        report_unexplained(d, file, "DAISY Ace", run);
        ++errors;
    } else {
        const auto read = run_tool({"node", "-e", ace_report_reader, report.string()});
        std::string outcome;
        for (const auto& line : lines_of(read.output)) {
            std::vector<std::string> fields;
            std::istringstream in(line);
            for (std::string field; std::getline(in, field, '\t');) fields.push_back(field);
            if (fields.size() == 2 && fields[0] == "OUTCOME") outcome = fields[1];
            if (fields.size() != 5 || fields[0] != "VIOLATION") continue;
            // Ace's impacts: critical and serious violations are errors, moderate and minor warnings.
            const bool error = fields[2] == "critical" || fields[2] == "serious" || fields[2] == "unknown";
            errors += error;
            // Ace names documents from the package document's folder, not the archive's root.
            d.report({error ? Severity::error : Severity::warning, file.string(), 0, 0,
                      fields[1] + ": " + fields[3] + " (" + fields[2] + "): " + fields[4] + " (DAISY Ace)"});
        }
        if (read.status != 0 || outcome.empty()) {
            report_unexplained(d, file, "reading DAISY Ace's report", read);
            ++errors;
        } else if (outcome != "pass" && errors == 0) {
            d.warning(file.string(), 0, 0, "DAISY Ace's outcome is '" + outcome + "' (DAISY Ace)");
        }
    }
    std::error_code ec;
    fs::remove_all(work, ec);
    f.errors += errors;
}

// ---- jing with the DocBook 5 schema: "/path/book.xml:14:21: error: element "bogus" not allowed..."
void run_jing(const fs::path& file, DiagnosticSink& d, Findings& f) {
    const std::string schema = env_or("FASCICLE_DOCBOOK_RNG", "/usr/share/xml/docbook/schema/rng/5.0/docbookxi.rng");
    std::string missing;
    if (!find_program("jing")) missing = "jing is not on PATH (Debian: apt-get install jing)";
    else if (!fs::is_regular_file(schema))
        missing = "the DocBook 5 schema " + schema + " is missing (FASCICLE_DOCBOOK_RNG may name it; Debian: apt-get install docbook5-xml)";
    if (!missing.empty()) {
        d.error(file.string(), 0, 0, "cannot validate: " + missing);
        f.missing = true;
        return;
    }
    const auto run = run_tool({"jing", schema, file.string()});
    static const std::regex finding(R"(^(.*):(\d+):(\d+): (error|fatal|warning): (.*)$)");
    std::size_t errors = 0;
    for (const auto& line : lines_of(run.output)) {
        std::smatch m;
        if (!std::regex_match(line, m, finding)) continue;  // e.g. Debian's wrapper: "[warning] /usr/bin/jing: Unable to locate ..."
        const bool error = m[4] != "warning";
        errors += error;
        d.report({error ? Severity::error : Severity::warning, file.string(), std::stoul(m[2]), std::stoul(m[3]),
                  std::string(m[5]) + " (jing, DocBook 5)"});
    }
    if (run.status != 0 && errors == 0) {
        report_unexplained(d, file, "jing", run);
        ++errors;
    }
    f.errors += errors;
}

// ---- Markdown: what a re-parse can check without the document the file was made from. The file
// must be valid UTF-8 without NUL (cmark-gfm would silently put U+FFFD for such bytes: text
// lost), and cmark-gfm, with GFM's extensions, must parse it and render HTML.
void run_cmark_gfm(const fs::path& file, DiagnosticSink& d, Findings& f) {
    if (!find_program("cmark-gfm")) {
        d.error(file.string(), 0, 0, "cannot validate: cmark-gfm is not on PATH (Debian: apt-get install cmark-gfm)");
        f.missing = true;
        return;
    }
    std::ifstream in(file, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
        bool valid = length != 0 && i + length <= text.size() && c != 0;
        for (std::size_t k = 1; valid && k < length; ++k) valid = (static_cast<unsigned char>(text[i + k]) & 0xc0) == 0x80;
        if (!valid) {
            d.error(file.string(), line, column, c == 0 ? "a NUL byte: a Markdown reader replaces it (cmark-gfm re-parse)"
                                                        : "invalid UTF-8: a Markdown reader replaces it with U+FFFD (cmark-gfm re-parse)");
            ++f.errors;
            return;
        }
        if (c == '\n') ++line, column = 1;
        else ++column;
        i += length;
    }
    const auto run = run_tool({"cmark-gfm", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "footnotes",
                               "--to", "html", file.string()});
    if (run.status != 0 || (run.output.empty() && text.find_first_not_of(" \t\r\n") != std::string::npos)) {
        report_unexplained(d, file, "cmark-gfm", run);
        ++f.errors;
    }
}

using Validator = void (*)(const fs::path&, DiagnosticSink&, Findings&);
struct ValidatorEntry {
    Validator run;
    const char* description;
};

// The validators of each format, by format name (the built-in plugins' names).
std::vector<ValidatorEntry> validators_of(const std::string& format) {
    if (format == "epub")
        return {{run_epubcheck, "epubcheck (java -jar $EPUBCHECK_JAR, default /usr/share/java/epubcheck.jar): EPUB 3 conformance"},
                {run_ace, "DAISY Ace (node, @daisy/ace in $FASCICLE_ACE; chromium at $PUPPETEER_EXECUTABLE_PATH): accessibility"}};
    if (format == "docbook")
        return {{run_jing, "jing with the DocBook 5 schema ($FASCICLE_DOCBOOK_RNG, default /usr/share/xml/docbook/schema/rng/5.0/docbookxi.rng)"}};
    if (format == "markdown" || format == "gfm" || format == "commonmark")
        return {{run_cmark_gfm, "cmark-gfm re-parse: valid UTF-8 without NUL, and cmark-gfm (GFM extensions) renders it"}};
    return {};
}

}  // namespace

std::vector<std::string> validator_descriptions(const std::string& format) {
    std::vector<std::string> out;
    for (const auto& v : validators_of(format)) out.emplace_back(v.description);
    return out;
}

ValidationOutcome validate_output(const std::string& format, const fs::path& file, DiagnosticSink& diagnostics) {
    const auto validators = validators_of(format);
    if (validators.empty()) {
        diagnostics.warning(file.string(), 0, 0, "not validated: format '" + format + "' has no validator");
        return ValidationOutcome::no_validator;
    }
    Findings findings;
    for (const auto& v : validators) v.run(file, diagnostics, findings);
    if (findings.errors) return ValidationOutcome::found_errors;
    if (findings.missing) return ValidationOutcome::validator_missing;
    diagnostics.note(file.string(), 0, 0, "valid: " + std::to_string(validators.size()) + " validator(s) found no error");
    return ValidationOutcome::passed;
}

}  // namespace fascicle::host
