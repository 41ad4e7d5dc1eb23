package org.tcentre.gdpr.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tcentre.gdpr.access.Caller;
import org.tcentre.gdpr.access.UserAccounts;

/**
 * Authenticates {@code Authorization: Bearer TOKEN}: the token's SHA-256 is looked up, and the request runs as
 * that user with its role. A request without the header stays anonymous (and gets 401 wherever a role is
 * needed); a header with an unknown token gets 401 at once. Nothing is kept between requests, so any
 * instance can serve any request.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";
    private final UserAccounts accounts;

    BearerTokenFilter(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Caller> caller = header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                ? accounts.authenticate(header.substring(PREFIX.length()).strip())
                : Optional.empty();
        if (caller.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            Problems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Not authenticated",
                    "The Authorization header does not hold a valid API token (Authorization: Bearer TOKEN).",
                    request.getRequestURI());
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(caller.get(), null,
                List.of(new SimpleGrantedAuthority(caller.get().role().authority())));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
