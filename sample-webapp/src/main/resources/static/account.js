// The account page: copies the api key, which is shown masked.
document.getElementById('copy-api-key')?.addEventListener('click', async () => {
  await navigator.clipboard.writeText(document.getElementById('api-key').dataset.key);
  document.getElementById('copied').hidden = false;
});
