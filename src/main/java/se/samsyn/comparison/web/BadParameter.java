package se.samsyn.comparison.web;

import se.samsyn.shared.DomainProblem;

/** A query parameter of the comparison API that cannot be read: 400 ({@code comparison.error.parameter}). */
class BadParameter extends DomainProblem {

    BadParameter(String parameter) {
        super(400, "comparison.error.parameter", "Illegal parameter " + parameter);
        property("parameter", parameter);
    }
}
