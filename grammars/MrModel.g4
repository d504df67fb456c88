/*
 * The mrcheck API model language: which function does what to MemoryRegions and QOM objects,
 * which class fields are lifecycle hooks, and which base types are hot-pluggable.
 * See docs/model-language.md. The parser only checks shape; dev.mrcheck.model.ModelBinder checks
 * meaning (verbs, keys, parameter names, roles, kinds) so that its messages can be precise.
 */
grammar MrModel;

@header {package dev.mrcheck.model.parser;}

modelFile : declaration* EOF ;

declaration
    : functionDecl
    | classDecl
    | hookSetterDecl
    | typeDecl
    ;

functionDecl : FUNCTION qualifiedName '(' parameters? ')' '{' effect* '}' ;

parameters : ident (',' ident)* ;

effect : verb=ident '(' arguments? ')' ';' ;

arguments : argument (',' argument)* ;

argument : (key=ident '=')? operand ;

operand
    : GLOBAL name=ident                       # globalOperand
    | RETURN ('.' fieldPath)?                 # returnOperand
    | NULL                                    # nullOperand
    | ident ('.' fieldPath)?                  # nameOperand
    ;

fieldPath : ident ('.' ident)* ;

classDecl : CLASS qualifiedName '{' hookField* '}' ;

hookField : field=ident '=' role=ident ';' ;

hookSetterDecl : HOOK_SETTER qualifiedName '(' parameters? ')' '=' role=ident '(' param=ident ')' ';' ;

typeDecl : TYPE typeName (',' typeName)* '{' typeProperty* '}' ;

typeName : ident | STRING ;

typeProperty : key=ident '=' value=ident ';' ;

qualifiedName : ident ('.' ident)* ;

/* Declaration keywords stay usable as names: pci_register_bar has a parameter called "type". */
ident : ID | FUNCTION | CLASS | HOOK_SETTER | TYPE | GLOBAL ;

FUNCTION    : 'function' ;
CLASS       : 'class' ;
HOOK_SETTER : 'hook_setter' ;
TYPE        : 'type' ;
GLOBAL      : 'global' ;
RETURN      : 'return' ;
NULL        : 'NULL' | 'null' ;

ID     : [A-Za-z_] [A-Za-z_0-9]* ;
STRING : '"' ~["\r\n]* '"' ;

COMMENT : '#' ~[\r\n]* -> skip ;
WS      : [ \t\r\n\f]+ -> skip ;

/* Anything else becomes a token the parser rejects with a position, instead of a lexer message. */
ERROR_CHAR : . ;
