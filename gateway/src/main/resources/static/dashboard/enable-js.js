// GOV.UK Frontend styles its components for JavaScript once the body has these classes. This runs as an
// external script, as the Content-Security-Policy allows no inline script.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
