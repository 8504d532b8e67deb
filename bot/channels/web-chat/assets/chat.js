/* The /chat page: starts a Direct Line conversation for the shop and renders the official Web Chat. */
(function () {
  'use strict';
  var DEVICE_KEY = 'storedesk.deviceId';
  var params = new URLSearchParams(location.search);
  var shop = document.body.getAttribute('data-shop');
  var maxText = Number(document.body.getAttribute('data-max-text')) || Infinity;
  var banner = document.getElementById('handoff-banner');
  var errorBox = document.getElementById('chat-error');

  function deviceId() {
    var given = params.get('device');
    if (given && /^[\w-]{8,64}$/.test(given)) return given;
    try {
      var stored = localStorage.getItem(DEVICE_KEY);
      if (stored && /^[\w-]{8,64}$/.test(stored)) return stored;
      var made = crypto.randomUUID();
      localStorage.setItem(DEVICE_KEY, made);
      return made;
    } catch (e) {
      return undefined;
    }
  }

  function userOf(token) {
    try {
      var payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(atob(payload)).user;
    } catch (e) {
      return undefined;
    }
  }

  function showHandoff(value) {
    var status = value && value.status;
    var message = value && typeof value.message === 'string' ? value.message : '';
    banner.setAttribute('data-status', status || '');
    if (status === 'waiting') {
      banner.textContent = message || 'We are fetching a member of staff. Please stay in this chat.';
      banner.hidden = false;
    } else if (status === 'connected') {
      banner.textContent = message || 'You are now chatting with a member of staff.';
      banner.hidden = false;
    } else if (status === 'closed') {
      banner.textContent = '';
      banner.hidden = true;
    }
  }

  function fail(message) {
    errorBox.textContent = message;
    errorBox.hidden = false;
  }

  var device = deviceId();
  fetch('/v3/directline/tokens/generate', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ shop: shop, deviceId: device, locale: navigator.language }),
  })
    .then(function (res) {
      if (!res.ok) throw new Error(res.status === 429 ? 'Too many chats were started from here. Please try again in a minute.' : 'The chat is not available for this shop.');
      return res.json();
    })
    .then(function (session) {
      var store = window.WebChat.createStore({}, function (web) {
        return function (next) {
          return function (action) {
            // The server refuses longer messages, and Web Chat would only say "Send failed": say why, keep the text.
            if (action.type === 'WEB_CHAT/SUBMIT_SEND_BOX') {
              var length = String(web.getState().sendBoxValue || '').length;
              if (length > maxText) {
                web.dispatch({ type: 'WEB_CHAT/SET_NOTIFICATION', payload: { id: 'too-long', level: 'warn', message: 'This message is ' + length.toLocaleString() + ' characters long. Please keep it under ' + maxText.toLocaleString() + ' and send it again, or split it in two.' } });
                return undefined;
              }
              web.dispatch({ type: 'WEB_CHAT/DISMISS_NOTIFICATION', payload: { id: 'too-long' } });
            }
            if (action.type === 'DIRECT_LINE/POST_ACTIVITY' && device) {
              var activity = action.payload.activity;
              activity.channelData = Object.assign({}, activity.channelData, { deviceId: device });
            }
            if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
              var incoming = action.payload.activity;
              if (incoming.type === 'event' && incoming.name === 'storedesk.handoff') showHandoff(incoming.value);
            }
            return next(action);
          };
        };
      });
      window.WebChat.renderWebChat(
        {
          directLine: window.WebChat.createDirectLine({ token: session.token, domain: location.origin + '/v3/directline' }),
          store: store,
          userID: userOf(session.token),
          locale: navigator.language,
          styleOptions: { hideUploadButton: true, botAvatarInitials: 'Bot', userAvatarInitials: 'You' },
        },
        document.getElementById('webchat'),
      );
      document.querySelector('#webchat').focus();
    })
    .catch(function (error) {
      fail(error.message || 'The chat could not start.');
    });
})();
