// What a URL's query may carry that does not identify the page: one rule for every stage that
// compares article URLs (thread discovery, article ids), so they agree.

/** Query parameters added for analytics and referral tracking; ?id= and ?p= are not among them. */
export const TRACKING_PARAM = /^(utm_\w+|fbclid|gclid|ref|ref_src|cmpid|ito)$/i;
