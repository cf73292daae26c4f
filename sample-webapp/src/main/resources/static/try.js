"use strict";

const $ = (id) => document.getElementById(id);

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

async function show(response) {
  $("status").textContent = response.status + " " + response.statusText;
  $("headers").textContent = [...response.headers].map(([name, value]) => name + ": " + value).join("\n");
  const body = await response.text();
  $("body").textContent = body;
  const token = body.match(/tk_[A-Za-z0-9_-]{49}/);
  if (response.ok && token) {
    $("token").value = token[0];
  }
}

async function call(url, options) {
  $("status").textContent = "calling " + ((options && options.method) || "GET") + " " + url.split("?")[0] + " ...";
  $("headers").textContent = "";
  $("body").textContent = "";
  try {
    await show(await fetch(url, Object.assign({ credentials: "omit" }, options)));
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
  const params = new URLSearchParams({ api_key: $("gg-api-key").value, api_token: $("token").value });
  return path + "?" + params.toString();
}

document.addEventListener("DOMContentLoaded", () => {
  ["dsi-username", "dsi-password", "dsi-callback", "dsi-format"].forEach((id) => $(id).addEventListener("input", refreshLink));
  refreshLink();
  ["gg-email", "gg-password", "gg-api-key", "gg-format"].forEach((id) => $(id).addEventListener("input", refreshGlobalGivingRequest));
  refreshGlobalGivingRequest();
  $("dsi-call").addEventListener("click", () => call(dsiLink()));
  $("gg-call").addEventListener("click", () => {
    const format = $("gg-format").value;
    const type = format === "json" ? "application/json" : "application/xml";
    call("/api/userservice/tokens", { method: "POST", headers: { "Content-Type": type, "Accept": type },
      body: globalGivingBody(format) });
  });
  $("whoami-call").addEventListener("click", () => call("/secure/whoami",
    { headers: { "Authorization": "Bearer " + $("token").value } }));
  $("donate-call").addEventListener("click", () => call(secureUrl("/api/secure/givingservice/donations"), {
    method: "POST", headers: { "Content-Type": "application/json", "Accept": "application/json" },
    body: JSON.stringify({ project_id: $("project").value, amount: Number($("amount").value) }) }));
  $("donations-call").addEventListener("click", () => call(secureUrl("/api/secure/givingservice/donations"),
    { headers: { "Accept": "application/json" } }));
  $("logout-call").addEventListener("click", () => call("/authentication_token",
    { method: "DELETE", headers: { "Authorization": "Bearer " + $("token").value } }));
});
