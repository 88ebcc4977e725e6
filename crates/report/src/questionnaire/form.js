"use strict";
// The form: collects the picked levels, builds the answers file (answers.js) and downloads it.
(function () {
  var meta = JSON.parse(document.getElementById("csplan-meta").textContent);
  var form = document.getElementById("csplan-form");
  var status = document.getElementById("csplan-status");
  var output = document.getElementById("csplan-output");
  var copy = document.getElementById("csplan-copy");

  function collect() {
    var answers = [];
    for (var q = 1; q <= meta.questions; q++) {
      var picked = form.querySelector('input[name="q' + q + '-level"]:checked');
      if (picked) {
        answers.push({
          question: q,
          level: picked.value,
          evidence: form.elements["q" + q + "-evidence"].value,
          note: form.elements["q" + q + "-note"].value
        });
      }
    }
    return answers;
  }

  Array.prototype.forEach.call(form.querySelectorAll("button.clear"), function (button) {
    button.addEventListener("click", function () {
      var q = button.getAttribute("data-question");
      Array.prototype.forEach.call(
        form.querySelectorAll('input[name="q' + q + '-level"]'),
        function (input) { input.checked = false; }
      );
    });
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var answers = collect();
    if (answers.length === 0) {
      status.textContent = "Pick a level for at least one question first.";
      return;
    }
    var text = csplanAnswersFile(meta, answers);
    output.value = text;
    copy.hidden = false;
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    link.download = meta.fileName;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
    var missing = meta.questions - answers.length;
    status.textContent = "Saved \u201c" + meta.fileName + "\u201d with " + answers.length +
      " of " + meta.questions + " answers" +
      (missing > 0 ? " (" + missing + " left unanswered)" : "") +
      ". Send that file back to the person running the assessment. " +
      "If no download started, copy the text below into a file with that name.";
  });
})();
