"use strict";

const $ = (id) => document.getElementById(id);

/** The published api keys of the demo accounts, by login: a token is used with its own account's key. */
const DEMO_API_KEYS = { "me": "ME_API_KEY", "me@example.com": "ME_API_KEY", "john": "YOUR_API_KEY",
  "john_doe@hotmail.com": "YOUR_API_KEY" };

function dsiLink() {
  const params = new URLSearchParams({ username: $("dsi-username").value, password: $("dsi-password").value });
  if ($("dsi-callback").value) {
    params.set("callback", $("dsi-callback").value);
  }
  return "/authentication_token" + $("dsi-format").value + "?" + params.toString();
}

function refreshLink() {
  const link = dsiLink();
  $("dsi-link").textContent = "GET " + link;
  $("dsi-link").href = link;
}

function refreshGlobalGivingRequest() {
  $("gg-request").textContent = "POST /api/userservice/tokens\n" + globalGivingBody($("gg-format").value);
}

/** A shell word: single-quoted, with its single quotes closed, escaped and reopened. */
function quoted(text) {
  return "'" + text.replace(/'/g, "'\\''") + "'";
}

/** The call as a curl command line, for the same request outside the browser. */
function curlLine(url, options) {
  const parts = ["curl", "-i"];
  const method = (options && options.method) || "GET";
  if (method !== "GET") {
    parts.push("-X", method);
  }
  Object.entries((options && options.headers) || {})
    .forEach(([name, value]) => parts.push("-H", quoted(name + ": " + value)));
  if (options && options.body) {
    parts.push("--data-raw", quoted(options.body));
  }
  parts.push(quoted(location.origin + url));
  return parts.join(" ");
}

async function show(response, apiKey) {
  $("status").textContent = response.status + " " + response.statusText;
  $("headers").textContent = [...response.headers].map(([name, value]) => name + ": " + value).join("\n");
  const body = await response.text();
  $("body").textContent = body;
  const token = body.match(/tk_[A-Za-z0-9_-]{49}/);
  if (response.ok && token) {
    $("token").value = token[0];
    $("api-key").value = apiKey;
  }
}

/** Makes the call; {@code apiKey} is the key of the account a token it returns belongs to. */
async function call(url, options, apiKey) {
  $("status").textContent = "calling " + ((options && options.method) || "GET") + " " + url.split("?")[0] + " ...";
  $("curl").textContent = curlLine(url, options);
  $("headers").textContent = "";
  $("body").textContent = "";
  try {
    await show(await fetch(url, Object.assign({ credentials: "omit" }, options)), apiKey || "");
  } catch (error) {
    $("status").textContent = "request failed: " + error;
  }
}

function globalGivingBody(format) {
  const email = $("gg-email").value;
  const password = $("gg-password").value;
  const apiKey = $("gg-api-key").value;
  if (format === "json") {
    return JSON.stringify({ auth_request: { user: { email: email, password: password }, api_key: apiKey } });
  }
  const text = (value) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return "<?xml version='1.0' encoding='UTF-8' standalone='yes'?><auth_request><user><email>" + text(email)
    + "</email><password><![CDATA[" + password.replace(/]]>/g, "]]]]><![CDATA[>") + "]]></password></user><api_key>"
    + text(apiKey) + "</api_key></auth_request>";
}

function secureUrl(path) {
  const params = new URLSearchParams({ api_key: $("api-key").value, api_token: $("token").value });
  return path + "?" + params.toString();
}

function bearer() {
  return { "Authorization": "Bearer " + $("token").value };
}

document.addEventListener("DOMContentLoaded", () => {
  ["dsi-username", "dsi-password", "dsi-callback", "dsi-format"]
    .forEach((id) => $(id).addEventListener("input", refreshLink));
  refreshLink();
  ["gg-email", "gg-password", "gg-api-key", "gg-format"]
    .forEach((id) => $(id).addEventListener("input", refreshGlobalGivingRequest));
  refreshGlobalGivingRequest();
  $("dsi-call").addEventListener("click", () => call(dsiLink(), undefined,
    DEMO_API_KEYS[$("dsi-username").value.toLowerCase()]));
  $("gg-call").addEventListener("click", () => {
    const format = $("gg-format").value;
    const type = format === "json" ? "application/json" : "application/xml";
    call("/api/userservice/tokens", { method: "POST", headers: { "Content-Type": type, "Accept": type },
      body: globalGivingBody(format) }, $("gg-api-key").value);
  });
  $("whoami-call").addEventListener("click", () => call("/secure/whoami", { headers: bearer() }));
  $("tokens-call").addEventListener("click", () => call("/secure/tokens",
    { headers: Object.assign({ "Accept": "application/json" }, bearer()) }));
  $("donate-call").addEventListener("click", () => call(secureUrl("/api/secure/givingservice/donations"), {
    method: "POST", headers: { "Content-Type": "application/json", "Accept": "application/json" },
    body: JSON.stringify({ project_id: $("project").value, amount: Number($("amount").value) }) }));
  $("donations-call").addEventListener("click", () => call(secureUrl("/api/secure/givingservice/donations"),
    { headers: { "Accept": "application/json" } }));
  $("logout-call").addEventListener("click", () => call("/authentication_token",
    { method: "DELETE", headers: bearer() }));
  $("copy-curl").addEventListener("click", () => navigator.clipboard.writeText($("curl").textContent));
});
