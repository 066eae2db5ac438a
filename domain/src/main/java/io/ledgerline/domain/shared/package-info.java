/** Value objects and rejection types shared by every aggregate. */
package io.ledgerline.domain.shared;
