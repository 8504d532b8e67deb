/* storedesk chat bubble: paste <script src="https://YOUR-APP/widget.js" data-shop="your-shop.myshopify.com" async></script> into the theme. */
(function () {
  'use strict';
  var DEVICE_KEY = 'storedesk.deviceId';
  var script = document.currentScript || document.querySelector('script[src*="/widget.js"][data-shop]');
  if (!script || window.__storedeskWidget) return;
  window.__storedeskWidget = true;
  var origin = new URL(script.src, location.href).origin;
  var shop = script.getAttribute('data-shop') || '';
  var label = script.getAttribute('data-label') || 'Chat with us';

  // A first-party id in the store's own origin, so risk control can link one device's conversations.
  function deviceId() {
    try {
      var id = localStorage.getItem(DEVICE_KEY);
      if (!id || !/^[\w-]{8,64}$/.test(id)) {
        id = window.crypto && crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(36).slice(2);
        localStorage.setItem(DEVICE_KEY, id);
      }
      return id;
    } catch (e) {
      return '';
    }
  }

  var button = document.createElement('button');
  button.type = 'button';
  button.id = 'storedesk-chat-bubble';
  button.setAttribute('aria-label', label);
  button.setAttribute('aria-expanded', 'false');
  button.textContent = '\uD83D\uDCAC';
  button.style.cssText = 'position:fixed;right:20px;bottom:20px;width:56px;height:56px;border-radius:50%;border:0;background:#1f3a5f;color:#fff;font-size:26px;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25);z-index:2147483646';

  var frame;
  function open() {
    if (!frame) {
      frame = document.createElement('iframe');
      frame.id = 'storedesk-chat-frame';
      frame.title = label;
      frame.allow = 'clipboard-write';
      var query = new URLSearchParams({ shop: shop, device: deviceId(), embed: '1' });
      frame.src = origin + '/chat?' + query.toString();
      frame.style.cssText = 'position:fixed;right:20px;bottom:90px;width:370px;height:560px;max-width:calc(100vw - 40px);max-height:calc(100vh - 110px);border:0;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.3);background:#fff;z-index:2147483647';
      document.body.appendChild(frame);
    } else {
      frame.style.display = frame.style.display === 'none' ? 'block' : 'none';
    }
    button.setAttribute('aria-expanded', frame.style.display === 'none' ? 'false' : 'true');
  }
  button.addEventListener('click', open);

  function mount() {
    document.body.appendChild(button);
  }
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
