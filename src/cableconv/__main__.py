from cableconv.cli import main

main()
