#!/bin/bash
# cspjob @job@ as a PBS batch job. Written by `cspjob pbs`; submit it with qsub.
#PBS -N @name@
#PBS -l nodes=@nodes@:ppn=@ppn@,walltime=@walltime@
@queue@
#PBS -o @name@.out
#PBS -e @name@.err
@run@
