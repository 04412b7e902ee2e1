// The copy button of a Python session (a block of ">>> " lines and their output) copies
// what a reader types, not what the page shows: the statements without their prompts,
// no output, no doctest directives, and a blank line after each statement that spans
// several lines, so the copy runs when pasted into `python`. The theme copies the
// `data-copy` attribute of a block when it has one; this script sets it.
// tests/test_docs_copy.py runs each page's copies in a fresh interpreter.

function sessionInput(text) {
  const typed = [];
  let inStatement = false;
  let continued = false;
  for (const line of text.split("\n")) {
    const prompt = line.startsWith(">>> ") || line === ">>>";
    const more = inStatement && (line.startsWith("... ") || line === "...");
    if (prompt) {
      if (continued) typed.push("");
      inStatement = true;
      continued = false;
    } else if (more) {
      continued = true;
    } else {
      inStatement = false;
      continue;
    }
    typed.push(line.slice(4).replace(/\s*# doctest:.*$/, ""));
  }
  if (continued) typed.push("");
  return typed.join("\n");
}

if (typeof module !== "undefined") {
  module.exports = { sessionInput };
}

if (typeof document !== "undefined") {
  document.addEventListener("DOMContentLoaded", () => {
    for (const code of document.querySelectorAll(".highlight pre > code")) {
      const text = code.textContent;
      if (/^>>> /m.test(text)) {
        code.setAttribute("data-copy", sessionInput(text));
      }
    }
  });
}
