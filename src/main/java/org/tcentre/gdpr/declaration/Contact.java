package org.tcentre.gdpr.declaration;

/** How to reach a person or organisation. Any one channel is enough to count as a contact. */
public record Contact(String email, String phone, String address, String url) {

    static final Contact EMPTY = new Contact(null, null, null, null);

    public boolean isPresent() {
        return notBlank(email) || notBlank(phone) || notBlank(address) || notBlank(url);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
