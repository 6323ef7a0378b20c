// Osler's one script: progressive enhancement of server-rendered pages. Every feature here has a
// no-JavaScript path (form posts, anchor links); this file only makes them quicker and richer.
// Text from the server is inserted with textContent, never innerHTML.
(() => {
  const AUDIENCE_COOKIE = "osler_audience";
  const STAGES = ["analysing", "searching", "selecting", "composing", "verifying"];

  function rememberAudience(value) {
    // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is not in every browser Osler supports
    document.cookie = `${AUDIENCE_COOKIE}=${encodeURIComponent(value)}; path=/; max-age=31536000; samesite=lax`;
    try {
      localStorage.setItem(AUDIENCE_COOKIE, value);
    } catch {
      // storage may be disabled; the cookie is enough
    }
  }

  function savedAudience() {
    const match = document.cookie.match(/(?:^|; )osler_audience=([^;]+)/);
    if (match) return decodeURIComponent(match[1]);
    try {
      return localStorage.getItem(AUDIENCE_COOKIE);
    } catch {
      return null;
    }
  }

  // "Which best describes you?": remember the choice.
  for (const picker of document.querySelectorAll("[data-audience-picker]")) {
    const saved = savedAudience();
    const radio = saved && picker.querySelector(`input[value="${CSS.escape(saved)}"]`);
    if (radio) radio.checked = true;
    picker.addEventListener("change", (event) => rememberAudience(event.target.value));
  }
  for (const form of document.querySelectorAll("[data-audience-switch]")) {
    form.addEventListener("submit", () => rememberAudience(form.elements.audience.value));
  }

  // Asking: stream progress over SSE, then go to the answer's page.
  function progressFor(form) {
    let el = form.nextElementSibling;
    while (el && !el.classList.contains("progress")) el = el.nextElementSibling;
    return el;
  }

  function showStage(list, stage, detail) {
    const at = STAGES.indexOf(stage);
    for (const item of list.querySelectorAll("li")) {
      const i = STAGES.indexOf(item.dataset.stage);
      item.classList.toggle("done", i < at || stage === "done");
      item.classList.toggle("active", i === at);
      if (i === at && detail) item.querySelector(".progress-detail").textContent = ` · ${detail}`;
    }
  }

  function showError(form, message) {
    const box = form.querySelector(".form-error");
    if (box) {
      box.textContent = message;
      box.hidden = false;
    }
  }

  function parseEvents(buffer, onEvent) {
    const frames = buffer.split("\n\n");
    const rest = frames.pop();
    for (const frame of frames) {
      let event = "message";
      const data = [];
      for (const line of frame.split("\n")) {
        if (line.startsWith("event: ")) event = line.slice(7);
        else if (line.startsWith("data: ")) data.push(line.slice(6));
      }
      if (data.length > 0) onEvent(event, JSON.parse(data.join("\n")));
    }
    return rest;
  }

  async function ask(form) {
    const data = new FormData(form);
    const body = { question: String(data.get("question") || "").trim() };
    const audience = data.get("audience");
    if (audience) body.audience = String(audience);
    const followUpOf = data.get("followUpOf");
    if (followUpOf) body.followUpOf = String(followUpOf);
    const button = form.querySelector("button[type=submit]");
    const list = progressFor(form);
    if (list) {
      list.hidden = false;
      showStage(list, "analysing");
    }
    button.disabled = true;
    const finish = () => {
      button.disabled = false;
    };
    const response = await fetch("/api/answers", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
      body: JSON.stringify(body),
    });
    if (!response.ok || !response.body) {
      const problem = await response.json().catch(() => null);
      finish();
      if (list) list.hidden = true;
      showError(form, problem?.error?.message ?? `The server answered ${response.status}.`);
      return;
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    let settled = false;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer = parseEvents(buffer + value, (event, payload) => {
        if (event === "progress" && list) showStage(list, payload.stage, payload.detail);
        if (event === "answer") {
          settled = true;
          if (list) showStage(list, "done");
          window.location.assign(payload.url);
        }
        if (event === "error") {
          settled = true;
          finish();
          showError(form, payload.error.message);
        }
      });
    }
    if (!settled) {
      finish();
      showError(form, "The connection closed before the answer arrived. Please ask again.");
    }
  }

  for (const form of document.querySelectorAll("[data-ask-form]")) {
    form.addEventListener("submit", (event) => {
      if (!window.fetch || !window.TextDecoderStream) return; // plain form post
      event.preventDefault();
      const box = form.querySelector(".form-error");
      if (box) box.hidden = true;
      const audience = form.querySelector("input[name=audience]:checked");
      if (audience) rememberAudience(audience.value);
      ask(form).catch(() => form.submit());
    });
  }

  // Example questions fill the box and ask, so the progress is visible.
  const mainForm = document.getElementById("ask-form");
  for (const link of document.querySelectorAll("a[data-question]")) {
    link.addEventListener("click", (event) => {
      if (!mainForm || !window.TextDecoderStream) return;
      event.preventDefault();
      mainForm.elements.question.value = link.dataset.question;
      mainForm.requestSubmit();
    });
  }

  // Citations: open the supporting passage with the statement's words highlighted.
  const STOP = new Set(
    "a an and are as at be by for from has have in is it its of on or that the this to was were with which who what when how should not than then there their these those into over under also may can".split(
      " ",
    ),
  );
  function termsOf(text) {
    const words = text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}.\-/]*/gu) || [];
    return new Set(words.map((w) => w.replace(/[.\-/]+$/, "")).filter((w) => w.length >= 3 && !STOP.has(w)));
  }
  function markWords(text, terms) {
    const fragment = document.createDocumentFragment();
    const parts = text.split(/([\p{L}\p{N}][\p{L}\p{N}.\-/]*[\p{L}\p{N}]|[\p{L}\p{N}])/u);
    parts.forEach((part, i) => {
      if (i % 2 === 1 && terms.has(part.toLowerCase())) {
        const mark = document.createElement("mark");
        mark.textContent = part;
        fragment.append(mark);
      } else if (part) fragment.append(document.createTextNode(part));
    });
    return fragment;
  }
  // The sentences that carry the statement get a band, and the statement's words inside them a
  // mark; marking every shared word of a long passage would highlight noise.
  function highlighted(text, terms) {
    const sentences = text.match(/[^.!?\n]+(?:[.!?]+|\n|$)\s*/g) || [text];
    const overlap = sentences.map((s) => {
      const words = termsOf(s);
      let shared = 0;
      for (const t of terms) if (words.has(t)) shared++;
      return terms.size === 0 ? 0 : shared / terms.size;
    });
    const best = Math.max(0, ...overlap);
    const fragment = document.createDocumentFragment();
    sentences.forEach((sentence, i) => {
      if (best >= 0.3 && overlap[i] >= Math.max(0.3, best * 0.75)) {
        const band = document.createElement("span");
        band.className = "match";
        band.append(markWords(sentence, terms));
        fragment.append(band);
      } else fragment.append(best >= 0.3 ? document.createTextNode(sentence) : markWords(sentence, terms));
    });
    return fragment;
  }

  const dialog = document.getElementById("cite-dialog");
  let opener = null;
  function openCitation(link) {
    const ref = document.getElementById(`ref-${link.dataset.ref}`);
    if (!ref || !dialog || typeof dialog.showModal !== "function") return false;
    const statement = link.closest(".stmt")?.querySelector(".stmt-text")?.textContent ?? "";
    const terms = termsOf(statement);
    const title = ref.querySelector(".ref-title");
    const meta = ref.querySelector(".ref-meta")?.textContent ?? "";
    dialog.querySelector(".cite-dialog-title").textContent = `[${link.dataset.ref}] ${title.textContent}`;
    // A cited guideline or trial has no stored text of its own: say that the passage is the
    // Osler summary that cites it, so nobody reads it as a quotation of the source.
    const via = ref.dataset.viaSummary ? " · passage from the Osler summary that cites it" : "";
    dialog.querySelector(".cite-dialog-ref").textContent =
      `${ref.querySelector(".tag").textContent} · ${meta}${via}`;
    const body = dialog.querySelector(".cite-dialog-body");
    body.replaceChildren();
    const quotes = ref.querySelectorAll(".passage-quote");
    for (const quote of quotes) {
      const caption = quote.querySelector("figcaption");
      if (caption) {
        const p = document.createElement("p");
        p.className = "muted";
        p.textContent = caption.textContent;
        body.append(p);
      }
      const block = document.createElement("blockquote");
      block.className = "passage-text";
      block.append(highlighted(quote.querySelector(".passage-text").textContent, terms));
      body.append(block);
    }
    if (quotes.length === 0) {
      // Older answers may not carry the passage text: fetch it from the API.
      const p = document.createElement("p");
      p.textContent = "Loading the passage…";
      body.append(p);
      fetch(`/api/passages/${encodeURIComponent(ref.dataset.passageId)}`)
        .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
        .then(({ passage }) => {
          const block = document.createElement("blockquote");
          block.className = "passage-text";
          block.append(highlighted(passage.text, terms));
          p.replaceWith(block);
        })
        .catch(() => {
          p.textContent = "The passage could not be loaded; open the full source to read it.";
        });
    }
    const source = dialog.querySelector(".cite-dialog-source");
    source.href =
      quotes[0]?.querySelector(".passage-link")?.getAttribute("href") ??
      `/passage/${encodeURIComponent(ref.dataset.passageId)}`;
    opener = link;
    link.setAttribute("aria-expanded", "true");
    dialog.showModal();
    body.querySelector(".match, mark")?.scrollIntoView({ block: "center" });
    return true;
  }
  if (dialog) {
    dialog.querySelector("[data-close]").addEventListener("click", () => dialog.close());
    dialog.addEventListener("click", (event) => {
      if (event.target === dialog) dialog.close(); // click on the backdrop
    });
    dialog.addEventListener("close", () => {
      if (opener) {
        opener.removeAttribute("aria-expanded");
        opener.focus();
      }
    });
  }
  for (const link of document.querySelectorAll("a.cite")) {
    link.setAttribute("aria-haspopup", "dialog");
    link.addEventListener("click", (event) => {
      if (openCitation(link)) event.preventDefault();
    });
  }

  // Print.
  for (const button of document.querySelectorAll("[data-print]")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }
})();
