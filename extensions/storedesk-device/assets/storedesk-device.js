/*
 * storedesk device id (theme app embed). Gives this browser a first-party device id, the same one the chat
 * widget keeps (localStorage "storedesk.deviceId"), mirrors it into a first-party cookie so checkout code
 * can read it, puts it on the cart as the "storedesk_device_id" attribute so orders carry it, and reports
 * it with customer sign-ups. The id is random and says nothing about the person; the server treats it as
 * a signal, never as proof. Plain ES2017, no build step.
 */
(function () {
  'use strict';
  var DEVICE_KEY = 'storedesk.deviceId';
  var COOKIE = 'storedesk_device_id';
  var CART_ATTRIBUTE = 'storedesk_device_id';
  var CART_DONE_KEY = 'storedesk.cartDevice';
  var VALID = /^[\w-]{8,64}$/;
  var script = document.currentScript || document.querySelector('script[data-shop][src*="storedesk-device"]');
  if (!script || window.__storedeskDevice) return;
  window.__storedeskDevice = true;
  var shop = script.getAttribute('data-shop') || '';
  var endpoint = script.getAttribute('data-endpoint') || '';
  var cartRoot = script.getAttribute('data-cart-root') || '/';
  if (cartRoot.charAt(cartRoot.length - 1) !== '/') cartRoot += '/';

  function newId() {
    var cryptoApi = window.crypto;
    if (cryptoApi && cryptoApi.randomUUID) return cryptoApi.randomUUID();
    var bytes = cryptoApi.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
  }

  function readCookie() {
    var match = document.cookie.match(/(?:^|;\s*)storedesk_device_id=([^;]*)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  // localStorage first (the widget's store), then the cookie (storage cleared or blocked), else a new id.
  function deviceId() {
    var stored = '';
    try { stored = localStorage.getItem(DEVICE_KEY) || ''; } catch (e) { /* storage blocked */ }
    var id = VALID.test(stored) ? stored : VALID.test(readCookie()) ? readCookie() : newId();
    try { if (id !== stored) localStorage.setItem(DEVICE_KEY, id); } catch (e) { /* storage blocked */ }
    if (readCookie() !== id) {
      document.cookie = COOKIE + '=' + encodeURIComponent(id) + '; path=/; max-age=31536000; SameSite=Lax' + (location.protocol === 'https:' ? '; Secure' : '');
    }
    return id;
  }

  var device = deviceId();

  // Once per session: read the cart, and set the attribute only when it is missing or different.
  function tagCart() {
    try { if (sessionStorage.getItem(CART_DONE_KEY) === device) return; } catch (e) { /* storage blocked */ }
    fetch(cartRoot + 'cart.js', { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (cart) {
        if (!cart) return null;
        if (cart.attributes && cart.attributes[CART_ATTRIBUTE] === device) return true;
        var attributes = {};
        attributes[CART_ATTRIBUTE] = device;
        return fetch(cartRoot + 'cart/update.js', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ attributes: attributes }),
        }).then(function (response) { return response.ok; });
      })
      .then(function (done) {
        if (!done) return;
        try { sessionStorage.setItem(CART_DONE_KEY, device); } catch (e) { /* storage blocked */ }
      })
      .catch(function () { /* the next page view tries again */ });
  }

  function report(event) {
    if (!endpoint || !shop) return;
    var body = JSON.stringify(event);
    // text/plain keeps the beacon a simple request: no preflight, and it survives the page unloading.
    if (navigator.sendBeacon && navigator.sendBeacon(endpoint, body)) return;
    fetch(endpoint, { method: 'POST', body: body, keepalive: true, mode: 'cors', credentials: 'omit', headers: { 'content-type': 'text/plain;charset=UTF-8' } }).catch(function () {});
  }

  function isSignUpForm(form) {
    if (!form || form.tagName !== 'FORM') return false;
    var action = (form.getAttribute('action') || '').split('?')[0];
    var type = form.querySelector('input[name="form_type"]');
    return /\/account\/?$/.test(action) && !!type && type.value === 'create_customer';
  }

  document.addEventListener('submit', function (submitted) {
    var form = submitted.target;
    if (!isSignUpForm(form)) return;
    var email = form.querySelector('input[name="customer[email]"]');
    var value = email && email.value ? email.value.trim() : '';
    if (value) report({ type: 'signup', shop: shop, deviceId: device, email: value });
  }, true);

  tagCart();
})();
