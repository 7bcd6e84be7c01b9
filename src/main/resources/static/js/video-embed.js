// Video posters (see docs/writing.md, Videos): the player's iframe is made only when the reader
// asks for it, so that no request reaches the video site before then. Without this script the
// poster stays what it is in the HTML, a link to the video on its site.
(function () {
  'use strict';

  // The only players the page may load; the Content-Security-Policy allows no other frame.
  var PLAYERS = ['https://www.youtube-nocookie.com/embed/', 'https://player.vimeo.com/video/'];

  function posterOf(event) {
    var target = event.target;
    return target instanceof Element ? target.closest('.video-embed .video-poster') : null;
  }

  function play(poster) {
    var embed = poster.closest('.video-embed');
    var src = embed.getAttribute('data-video-player') || '';
    var allowed = PLAYERS.some(function (player) { return src.indexOf(player) === 0; });
    if (!allowed) {
      return false;
    }
    var title = poster.querySelector('.video-title');
    var frame = document.createElement('iframe');
    frame.className = 'video-player';
    frame.title = title ? title.textContent : '';
    frame.allow = 'autoplay; encrypted-media; fullscreen; picture-in-picture';
    frame.allowFullscreen = true;
    frame.referrerPolicy = 'strict-origin-when-cross-origin';
    frame.src = src;
    embed.replaceChild(frame, poster);
    embed.classList.add('video-playing');
    frame.focus();
    return true;
  }

  document.addEventListener('click', function (event) {
    // a click with a modifier (a new tab or window) or another button keeps the link's own meaning
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return;
    }
    var poster = posterOf(event);
    if (poster && play(poster)) {
      event.preventDefault();
    }
  });

  // Enter activates a link by itself (a click); Space is what activates a button.
  document.addEventListener('keydown', function (event) {
    var poster = event.key === ' ' ? posterOf(event) : null;
    if (poster && play(poster)) {
      event.preventDefault();
    }
  });

  // With the script, the poster plays the video here: it says so as a button, not as a link away.
  document.querySelectorAll('.video-embed .video-poster').forEach(function (poster) {
    poster.setAttribute('role', 'button');
  });
})();
