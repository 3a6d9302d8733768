vcl 4.1;
# Varnish in front of Gaceta, purged by Gaceta through the xkey vmod (Debian: varnish, varnish-modules).
# Gaceta tags every reader page with the keys it depends on (Surrogate-Key: article:<id> lists ...)
# and, with VARNISH_PURGE_URL set, sends every purge here as `PURGE /` with an `xkey-purge` header.
# See deploy/README.md.

import std;
import xkey;
import cookie;

backend gaceta {
  .host = "127.0.0.1";
  .port = "3000";
  .connect_timeout = 2s;
  .first_byte_timeout = 30s;
  # Grace keeps serving cached pages while the backend is down (see vcl_recv and vcl_backend_response).
  .probe = {
    .url = "/robots.txt";
    .interval = 5s;
    .timeout = 2s;
    .window = 5;
    .threshold = 3;
    .initial = 3;
  }
}

# Who may purge: the machines Gaceta runs on. Anyone else gets 403.
acl purgers {
  "localhost";
  "127.0.0.1";
  "::1";
}

sub vcl_recv {
  if (req.method == "PURGE") {
    if (client.ip !~ purgers) {
      return (synth(403, "Forbidden"));
    }
    if (!req.http.xkey-purge) {
      return (synth(400, "The xkey-purge header is missing"));
    }
    # Hard purge: a correction or a withdrawal must not be served again, even once, from grace.
    set req.http.n-gone = xkey.purge(req.http.xkey-purge);
    return (synth(200, "Purged " + req.http.n-gone + " objects"));
  }

  # The admin API and staff sessions are never cached, nor private preview links (Gaceta sends
  # them with Cache-Control: private, no-store; passing them here keeps them out of Varnish's
  # hit-for-miss bookkeeping and its logs of cached objects too).
  if (req.url ~ "^/admin(/|$)" || req.url ~ "^/preview/") {
    return (pass);
  }

  # Tracking parameters do not change a page (Gaceta ignores every parameter a page does not read);
  # dropping them here keeps one object per page instead of one per campaign link.
  if (req.url ~ "[?&](utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga)=") {
    set req.url = regsuball(req.url, "([?&])(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga)=[^&]*", "\1");
    set req.url = regsuball(req.url, "([?&])&+", "\1");
    set req.url = regsub(req.url, "[?&]+$", "");
  }
  set req.url = std.querysort(req.url);

  # Cookies: analytics and consent cookies do not change a page and are dropped. A request carrying
  # one of Gaceta's own cookies (gaceta_*: the staff session, and the member session of the paywall)
  # is a signed-in reader and must never get the shared anonymous copy, nor fill it: pass.
  if (req.http.Cookie) {
    cookie.parse(req.http.Cookie);
    cookie.keep_re("^gaceta_");
    set req.http.Cookie = cookie.get_string();
    if (req.http.Cookie == "") {
      unset req.http.Cookie;
    } else {
      return (pass);
    }
  }

  # Serve a stale copy for at most 10 s while refetching; up to a day only if Gaceta is down.
  if (std.healthy(req.backend_hint)) {
    set req.grace = 10s;
  }
}

sub vcl_backend_response {
  # Only what Gaceta marks cacheable is kept (redirects and error pages carry no Cache-Control
  # or no-store); anything else is fetched each time.
  if (!beresp.http.Cache-Control) {
    set beresp.uncacheable = true;
    set beresp.ttl = 120s;
    return (deliver);
  }
  # Surrogate-Key lists what a page depends on; xkey indexes the object by each, plus "all", which
  # Gaceta purges for structural changes (a section renamed, a setting changed).
  if (beresp.http.Surrogate-Key) {
    set beresp.http.xkey = beresp.http.Surrogate-Key + " all";
  }
  # Pages Gaceta did not compress (small ones, or with its page cache off) are gzipped once here;
  # Varnish keeps one gzipped object per page and unzips it for the rare client that needs it.
  if (!beresp.http.Content-Encoding && beresp.http.Content-Type ~ "^(text/|application/(rss\+)?xml|application/json)") {
    set beresp.do_gzip = true;
  }
  set beresp.grace = 24h;
}

sub vcl_deliver {
  # The keys are for this cache only.
  unset resp.http.xkey;
  unset resp.http.Surrogate-Key;
  if (obj.hits > 0) {
    set resp.http.X-Cache = "HIT";
  } else {
    set resp.http.X-Cache = "MISS";
  }
}
