package org.rlsblog.desk;

/** A content problem as the desk shows it: the file relative to the content folder. */
record ProblemView(String file, int line, String message) {}
